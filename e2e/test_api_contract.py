"""The JSON API keeps to its OpenAPI document: schemathesis, with every check, for a bounded number of
examples per operation, against the demo server. The token operations are left out, so it does not
revoke its own token."""
import json
import os
import subprocess
import urllib.request

import pytest


def token(base_url, password):
    request = urllib.request.Request(
        base_url + "/api/v1/auth/token", method="POST", headers={"Content-Type": "application/json"},
        data=json.dumps({"username": "socialworker", "password": password}).encode())
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)["token"]


def test_schemathesis_finds_no_failure(base_url, password, tmp_path):
    examples = os.environ.get("SCHAKEL_SCHEMATHESIS_EXAMPLES", "15")
    result = subprocess.run(
        ["schemathesis", "--config-file", os.path.join(os.path.dirname(__file__), "schemathesis.toml"), "run",
         base_url + "/api/openapi.yaml", "--url", base_url + "/api", "--checks", "all",
         "-H", "Authorization: Bearer " + token(base_url, password), "--exclude-path-regex", "auth/token",
         "--max-examples", examples, "--seed", "20261203", "--no-color"],
        capture_output=True, text=True, timeout=900, cwd=tmp_path)  # its cache stays out of the clone
    summary = result.stdout[result.stdout.find("SUMMARY"):]
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "Tested:" in summary
