"""The peers' workload (bench/peers/workload.json) through boto3 with moto's in-process mock.

Reads the workload and the timing from argv (JSON), prints {"moto": version, "results": {name: us | {"error": text}}}.
moto is found on sys.path (install it, or put a source checkout on PYTHONPATH: see BENCHMARKS.md).
"""
import json
import statistics
import sys
import time

import boto3
import moto

try:
    from moto import mock_aws as mock
except ImportError:
    from moto import mock_cognitoidentity as mock


def resolve(value, env):
    if isinstance(value, str):
        for key, sub in env.items():
            value = value.replace("{" + key + "}", sub)
        return value
    if isinstance(value, list):
        return [resolve(v, env) for v in value]
    if isinstance(value, dict):
        return {k: resolve(v, env) for k, v in value.items()}
    return value


@mock
def main():
    spec = json.loads(sys.argv[1])
    timing = spec["timing"]
    client = boto3.client(
        "cognito-identity",
        region_name="us-east-1",
        aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
        aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    )
    call = client._make_api_call
    world = spec["world"]
    pool = call("CreateIdentityPool", world["pool"])["IdentityPoolId"]
    pool2 = call("CreateIdentityPool", world["pool2"])["IdentityPoolId"]
    guests = [call("GetId", {"IdentityPoolId": pool})["IdentityId"] for _ in range(world["guests"])]
    results = {}
    for op in spec["operations"]:
        creates = op.get("creates", False)
        warmup = timing["createWarmup"] if creates else timing["warmup"]
        iterations = timing["createIterations"] if creates else timing["iterations"]
        n = 0

        def one():
            nonlocal n
            env = {"pool": pool, "pool2": pool2, "guest": guests[n % len(guests)], "i": str(n), "k": str(n % 60)}
            call(op["operation"], resolve(op["input"], env))
            n += 1

        try:
            for _ in range(warmup):
                one()
            samples = []
            for _ in range(timing["repeats"]):
                start = time.perf_counter()
                for _ in range(iterations):
                    one()
                samples.append((time.perf_counter() - start) / iterations * 1e6)
            results[op["name"]] = statistics.median(samples)
        except Exception as err:  # a command moto does not implement, or answers differently
            results[op["name"]] = {"error": type(err).__name__ + ": " + str(err)[:120]}
    print(json.dumps({"moto": moto.__version__, "results": results}))


main()
