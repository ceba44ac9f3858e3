#!/usr/bin/env python3
"""The social map under load: a generated map of 20,000 services in Amersfoort (bench/map/make_services.py),
imported with `schakel import hsds` and searched in Dutch by wrk from a separate process with 32 concurrent
connections, on SQLite and on PostgreSQL, with a release build of Schakel.

Measured per database:
  - importing the 20,000 services (wall time of the command, target under 10 s),
  - Dutch search through the HSDA API (GET /api/hsds/services?search=…&per_page=20, JSON),
  - the public search page (GET /kaart?q=…, HTML, the same search plus rendering),
  - and beside them, as the floor of this machine, GET /healthz (one database round trip).
Targets for search: median under 10 ms and p99 under 30 ms at 32 connections.

Writes the table between <!-- map:start --> and <!-- map:end --> in bench/RESULTS.md.
Usage: python3 bench/map/run.py [--services N] [--seconds S] [--only sqlite|postgres] [--no-write] [--binary PATH]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "day"))
import run as day  # noqa: E402  (the shared helpers: tools, PostgreSQL, wrk, machine)

QUERIES = ["schulden", "eenzaamheid", "eenzaam", "taal", "koffie", "maaltijden", "bewegen ouderen", "mantelzorg",
           "schuldhulpverlening", "herstel", "computers", "vrijwilligers", "wonen", "armoede", "dementie",
           "inloopspreekuur", "kookclub", "repair", "gezinnen", "rouw", "budgetcursus", "nieuwkomers", "jongeren",
           "administratie", "ontmoeting Kruiskamp", "taalcafé", "geldzaken", "opvoeding", "werk", "gezondheid"]
TARGETS = {"median": 10.0, "p99": 30.0, "import": 10.0}

PATHS_LUA = """
local paths = %s
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
"""


def log(*parts):
    print("[map]", *parts, flush=True)


def lua_paths(paths):
    return PATHS_LUA % ("{" + ",".join(json.dumps(p) for p in paths) + "}")


def run_engine(engine, binary, args, work, services_file):
    env = dict(os.environ, SCHAKEL_DEMO_PASSWORD=day.PASSWORD, SCHAKEL_DATA_DIR=os.path.join(work, engine))
    env.pop("DATABASE_URL", None)
    pg = None
    if engine == "postgres":
        pg = day.Postgres(work)
        env["DATABASE_URL"] = pg.start()
        location = env["DATABASE_URL"].split("?")[0]
    else:
        location = os.path.join(env["SCHAKEL_DATA_DIR"], "schakel.sqlite")
    server = None
    try:
        demo = subprocess.run([binary, "demo", "--residents", "400", "--no-rounds"], env=env, capture_output=True,
                              text=True)
        if demo.returncode != 0:
            raise RuntimeError(demo.stdout + demo.stderr)
        log(engine, "importing", args.services, "services")
        started = time.time()
        imported = subprocess.run([binary, "import", "hsds", services_file], env=env, capture_output=True, text=True)
        import_seconds = time.time() - started
        if imported.returncode != 0:
            raise RuntimeError(imported.stdout + imported.stderr)
        stored = day.count(engine, location, "map_services")
        log(engine, f"{stored} services stored in {import_seconds:.1f} s")
        api = [f"/api/hsds/services?search={urllib.parse.quote(q)}&per_page=20" for q in QUERIES]
        pages = [f"/kaart?q={urllib.parse.quote(q)}" for q in QUERIES]
        results = {"import_seconds": import_seconds, "stored": stored}
        server, base = day.start_server(binary, env)
        results["found"] = {q: json.load(urllib.request.urlopen(base + p))["total_items"] for q, p in zip(QUERIES, api)}
        log(engine, "matches per query:", results["found"])
        day.wrk(base, lua_paths(api), 8, 5, work, "warm")
        log(engine, "healthz")
        results["healthz"] = day.wrk(base + "/healthz", "", 32, args.seconds, work, "healthz")
        log(engine, "search through the API")
        results["api"] = day.wrk(base, lua_paths(api), 32, args.seconds, work, "api")
        log(engine, "search through the API, paced")
        results["api_paced"] = day.wrk(base, lua_paths(api) + day.PACE_LUA, 32, day.PACED_SECONDS, work,
                                       "api_paced")
        log(engine, "search page")
        results["page"] = day.wrk(base, lua_paths(pages), 32, args.seconds, work, "page")
        day.stop_server(server)
        # The same searches on a server that counts the matches of every search anew (no counts kept).
        server, base = day.start_server(binary, dict(env, SCHAKEL_MAP_COUNT_CACHE="off"))
        day.wrk(base, lua_paths(api), 8, 5, work, "warm")
        log(engine, "search through the API, counting every search")
        results["api_counting"] = day.wrk(base, lua_paths(api), 32, args.seconds, work, "api_counting")
        log(engine, "search through the API, counting every search, paced")
        results["api_counting_paced"] = day.wrk(base, lua_paths(api) + day.PACE_LUA, 32, day.PACED_SECONDS, work,
                                                "api_counting_paced")
        return results
    finally:
        day.stop_server(server)
        if pg:
            pg.stop()


def table(results, args, pg_version):
    now = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    lines = ["## The social map under load", "",
             f"Run {now} on {day.machine()}. Command: `python3 bench/map/run.py` (`--services {args.services} "
             f"--seconds {args.seconds}`). Release build; server and wrk share the machine; wrk rotates through "
             f"{len(QUERIES)} Dutch queries with 32 connections, saturated (each sends its next request as soon as "
             "the answer arrives) or paced (each waits 0.5–1.5 s before its next request, about 32 requests/s in "
             f"all, for {day.PACED_SECONDS} s); latencies in ms as wrk reports them. "
             "Beside each measurement, as the floor of this machine, `GET /healthz` (one database round trip). "
             "A server keeps the count of matches of each search until the map changes (see the README); the "
             "rows \"counting every search\" are the same searches on a server started with "
             "`SCHAKEL_MAP_COUNT_CACHE=false`, which counts the matches of every request anew. "
             f"PostgreSQL: {pg_version}. Targets: import under {TARGETS['import']:.0f} s; search median under "
             f"{TARGETS['median']:.0f} ms and p99 under {TARGETS['p99']:.0f} ms.", "",
             "| database | services | import | measurement | requests/s | p50 | p90 | p99 | targets (p50 / p99) | errors |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    names = {"healthz": "GET /healthz (floor)", "api": "search, HSDA API (JSON), saturated",
             "api_paced": "search, HSDA API (JSON), paced", "page": "search page /kaart (HTML), saturated",
             "api_counting": "search, HSDA API, counting every search, saturated",
             "api_counting_paced": "search, HSDA API, counting every search, paced"}
    for engine, r in results.items():
        imp = f"{r['import_seconds']:.1f} s ({'met' if r['import_seconds'] < TARGETS['import'] else 'not met'})"
        for key, name in names.items():
            m = r[key]
            # Judged on the values as shown (one decimal).
            target = "" if key == "healthz" else (
                f"{'met' if round(m['p50'], 1) < TARGETS['median'] else 'not met'} / "
                f"{'met' if round(m['p99'], 1) < TARGETS['p99'] else 'not met'}")
            lines.append(f"| {engine} | {r['stored']:,} | {imp} | {name} | {m['rps']:.0f} | {day.fmt(m['p50'])} | "
                         f"{day.fmt(m['p90'])} | {day.fmt(m['p99'])} | {target} | {m['non2xx']} non-2xx"
                         f"{', ' + m['socket'] if m['socket'] else ''} |")
    lines.append("")
    for engine, r in results.items():
        counts = ", ".join(f"{q} {n}" for q, n in list(r["found"].items())[:8])
        lines.append(f"- {engine}: matches per query (first eight): {counts}.")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=20_000)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--binary", help="use this schakel binary instead of building one")
    args = parser.parse_args()
    day.ensure_tools()
    binary = args.binary or day.build()
    work = tempfile.mkdtemp(prefix="schakel-map-")
    os.chmod(work, 0o755)
    services_file = os.path.join(work, "services.json")
    subprocess.run([sys.executable, os.path.join(HERE, "make_services.py"), str(args.services), services_file],
                   check=True)
    pg = day.Postgres.__new__(day.Postgres)
    pg.bin = os.path.dirname(sorted(__import__("glob").glob("/usr/lib/postgresql/*/bin/initdb"))[-1])
    results = {}
    try:
        for engine in ["sqlite", "postgres"]:
            if args.only and engine != args.only:
                continue
            results[engine] = run_engine(engine, binary, args, work, services_file)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    section = table(results, args, pg.version())
    print(section)
    if not args.no_write:
        day.write_results(section, marker="map")


if __name__ == "__main__":
    main()
