"""Round-planning benchmark: Schakel beside pyvroom, OR-Tools routing and PyVRP, same time limit,
on the 56 Solomon 100-customer instances, the TSPLIB instances and the Amersfoort case.

Every solution is checked by this script's own feasibility checker, not by the solver's word.
Writes the round-planning section of bench/RESULTS.md.

    python3 bench/rounds/run.py [--seconds 5] [--tsp-seconds 1] [--only C101,R101] [--solvers schakel,vroom]
"""
import argparse
import datetime
import json
import math
import os
import pathlib
import platform
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "bench" / "data"
LAST_RUN = ROOT / "bench" / "rounds" / "last-run.json"  # the rows of the last full run, for --rewrite
SCALE = 1000  # peers take integer matrices: distances in thousandths, rounded

# ---------------------------------------------------------------- instances


class Instance:
    def __init__(self, name, kind, ids, xs, ys, demand, ready, due, service, vehicles, capacity, rounded):
        self.name, self.kind = name, kind
        self.ids, self.xs, self.ys = ids, xs, ys
        self.demand, self.ready, self.due, self.service = demand, ready, due, service
        self.vehicles, self.capacity = vehicles, capacity
        n = len(ids)
        def dist(i, j):
            d = math.hypot(xs[i] - xs[j], ys[i] - ys[j])
            return math.floor(d + 0.5) if rounded else d
        self.d = [[dist(i, j) for j in range(n)] for i in range(n)]
        self.t = self.d

    @property
    def n(self):
        return len(self.ids)


def read_solomon(path):
    lines = [l.split() for l in path.read_text().splitlines()]
    vehicles = capacity = None
    rows = []
    for i, fields in enumerate(lines):
        if fields and fields[0] == "NUMBER":
            vehicles, capacity = int(lines[i + 1][0]), int(lines[i + 1][1])
        if len(fields) == 7 and all(f.replace(".", "").isdigit() for f in fields):
            rows.append([float(f) for f in fields])
    return Instance(path.stem, "solomon", [int(r[0]) for r in rows], [r[1] for r in rows], [r[2] for r in rows],
                    [int(r[3]) for r in rows], [r[4] for r in rows], [r[5] for r in rows], [r[6] for r in rows],
                    vehicles, capacity, rounded=False)


def read_tsplib(path):
    coords, inside = [], False
    for line in path.read_text().splitlines():
        line = line.strip()
        if line.startswith("NODE_COORD_SECTION"):
            inside = True
            continue
        if line == "EOF":
            break
        if inside and line:
            f = line.split()
            coords.append((int(f[0]), float(f[1]), float(f[2])))
    n = len(coords)
    return Instance(path.stem, "tsplib", [c[0] for c in coords], [c[1] for c in coords], [c[2] for c in coords],
                    [0] * n, [0.0] * n, [math.inf] * n, [0.0] * n, 1, 0, rounded=True)


class JSONInstance(Instance):
    """The Amersfoort case: haversine metres × detour, walking at the given speed."""
    def __init__(self, path):
        raw = json.loads(path.read_text())
        places = [raw["depot"]] + raw["stops"]
        self.name, self.kind = path.stem, "json"
        self.ids = [p["id"] for p in places]
        self.xs = [p["lon"] for p in places]
        self.ys = [p["lat"] for p in places]
        self.demand = [p.get("demand", 0 if i == 0 else 1) for i, p in enumerate(places)]
        self.ready = [p.get("ready", 0) for p in places]
        self.due = [p.get("due", math.inf) for p in places]
        self.service = [p.get("service", 0) for p in places]
        self.vehicles, self.capacity = raw["vehicles"], raw.get("capacity", 10 ** 9)
        detour, speed = raw.get("detourFactor", 1.3), raw.get("speed", 1.25)
        def hav(a, b):
            r = 6371008.8
            p1, p2 = math.radians(a["lat"]), math.radians(b["lat"])
            dp, dl = p2 - p1, math.radians(b["lon"] - a["lon"])
            h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
            return 2 * r * math.asin(min(1, math.sqrt(h)))
        self.d = [[hav(a, b) * detour for b in places] for a in places]
        self.t = [[x / speed for x in row] for row in self.d]

# ---------------------------------------------------------------- checker


def check(inst, routes):
    """Raises on any violation; returns (vehicles, distance). Routes hold stop ids, depot excluded."""
    index = {sid: i for i, sid in enumerate(inst.ids)}
    seen = set()
    total = 0.0
    used = [r for r in routes if r]
    if len(used) > inst.vehicles:
        raise ValueError(f"{len(used)} vehicles, {inst.vehicles} available")
    for route in used:
        load, time_, prev = 0, inst.ready[0], 0
        for sid in route:
            i = index[sid]
            if i == 0 or i in seen:
                raise ValueError(f"stop {sid} repeated or depot")
            seen.add(i)
            load += inst.demand[i]
            arrival = time_ + inst.t[prev][i]
            if arrival > inst.due[i] + 1e-6:
                raise ValueError(f"stop {sid} reached at {arrival:.3f} after {inst.due[i]}")
            time_ = max(arrival, inst.ready[i]) + inst.service[i]
            total += inst.d[prev][i]
            prev = i
        if inst.capacity and load > inst.capacity:
            raise ValueError(f"load {load} over {inst.capacity}")
        back = time_ + inst.t[prev][0]
        if back > inst.due[0] + 1e-6:
            raise ValueError(f"back at {back:.3f} after {inst.due[0]}")
        total += inst.d[prev][0]
    missing = set(range(1, inst.n)) - seen
    return len(used), total, len(missing)

# ---------------------------------------------------------------- solvers


def solve_schakel(inst, path, fmt, seconds, seed):
    binary = ROOT / ".build" / "release" / "schakel-rounds"
    out = subprocess.run([str(binary), "rounds", "solve", str(path), "--format", fmt, "--seconds", str(seconds),
                          "--seed", str(seed), "--objective", "vehicles"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["routes"]


def integer_matrix(inst, matrix):
    return [[int(round(x * SCALE)) for x in row] for row in matrix]


def window(inst, i):
    due = inst.due[i]
    return int(math.floor(inst.ready[i] * SCALE)), (int(math.floor(due * SCALE)) if due != math.inf else 10 ** 12)


def solve_vroom(inst, path, fmt, seconds, seed):
    import vroom
    problem = vroom.Input()
    problem.set_durations_matrix(profile="car", matrix_input=integer_matrix(inst, inst.t))
    problem.set_costs_matrix(profile="car", matrix_input=integer_matrix(inst, inst.d))
    capacity = inst.capacity if inst.capacity else 1
    for v in range(inst.vehicles):
        problem.add_vehicle(vroom.Vehicle(
            v + 1, start=0, end=0, capacity=[capacity],
            time_window=vroom.TimeWindow(*window(inst, 0)), costs=vroom.VehicleCosts(fixed=10 ** 9)))
    for i in range(1, inst.n):
        problem.add_job(vroom.Job(
            inst.ids[i], location=i, default_service=int(round(inst.service[i] * SCALE)), delivery=[inst.demand[i]],
            time_windows=[vroom.TimeWindow(*window(inst, i))]))
    solution = problem.solve(exploration_level=5, nb_threads=1, timeout=datetime.timedelta(seconds=seconds))
    frame = solution.routes
    routes = []
    for _, group in frame[frame["type"] == "job"].groupby("vehicle_id", sort=True):
        routes.append([int(x) for x in group["id"]])
    return routes


def solve_ortools(inst, path, fmt, seconds, seed):
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2
    dist = integer_matrix(inst, inst.d)
    dur = integer_matrix(inst, inst.t)
    service = [int(round(s * SCALE)) for s in inst.service]
    manager = pywrapcp.RoutingIndexManager(inst.n, inst.vehicles, 0)
    routing = pywrapcp.RoutingModel(manager)
    cost = routing.RegisterTransitCallback(lambda a, b: dist[manager.IndexToNode(a)][manager.IndexToNode(b)])
    routing.SetArcCostEvaluatorOfAllVehicles(cost)
    routing.SetFixedCostOfAllVehicles(10 ** 9 if inst.kind != "tsplib" else 0)
    transit = routing.RegisterTransitCallback(
        lambda a, b: service[manager.IndexToNode(a)] + dur[manager.IndexToNode(a)][manager.IndexToNode(b)])
    horizon = window(inst, 0)[1]
    routing.AddDimension(transit, horizon, horizon, False, "Time")
    time_dim = routing.GetDimensionOrDie("Time")
    for i in range(1, inst.n):
        lo, hi = window(inst, i)
        time_dim.CumulVar(manager.NodeToIndex(i)).SetRange(lo, hi)
    for v in range(inst.vehicles):
        time_dim.CumulVar(routing.Start(v)).SetRange(*window(inst, 0))
        time_dim.CumulVar(routing.End(v)).SetRange(*window(inst, 0))
    if inst.capacity:
        demand = routing.RegisterUnaryTransitCallback(lambda a: inst.demand[manager.IndexToNode(a)])
        routing.AddDimensionWithVehicleCapacity(demand, 0, [inst.capacity] * inst.vehicles, True, "Load")
    # Allow dropping a customer at a prohibitive price, so a first solution always exists.
    for i in range(1, inst.n):
        routing.AddDisjunction([manager.NodeToIndex(i)], 10 ** 11)
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PARALLEL_CHEAPEST_INSERTION
    params.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    params.time_limit.FromMilliseconds(int(seconds * 1000))
    solution = routing.SolveWithParameters(params)
    if solution is None:
        return []
    routes = []
    for v in range(inst.vehicles):
        index = solution.Value(routing.NextVar(routing.Start(v)))
        route = []
        while not routing.IsEnd(index):
            route.append(inst.ids[manager.IndexToNode(index)])
            index = solution.Value(routing.NextVar(index))
        routes.append(route)
    return routes


def solve_pyvrp(inst, path, fmt, seconds, seed):
    import pyvrp
    from pyvrp.stop import MaxRuntime
    model = pyvrp.Model()
    lo, hi = window(inst, 0)
    locations = [model.add_location(x=inst.xs[i], y=inst.ys[i]) for i in range(inst.n)]
    depot = model.add_depot(locations[0], tw_early=lo, tw_late=hi)
    model.add_vehicle_type(num_available=inst.vehicles, capacity=[inst.capacity if inst.capacity else 10 ** 6],
                           tw_early=lo, tw_late=hi, fixed_cost=10 ** 9 if inst.kind != "tsplib" else 0)
    for i in range(1, inst.n):
        clo, chi = window(inst, i)
        model.add_client(locations[i], delivery=[inst.demand[i]], service_duration=int(round(inst.service[i] * SCALE)),
                         tw_early=clo, tw_late=chi)
    dist = integer_matrix(inst, inst.d)
    dur = integer_matrix(inst, inst.t)
    for i, a in enumerate(locations):
        for j, b in enumerate(locations):
            if i != j:
                model.add_edge(a, b, distance=dist[i][j], duration=dur[i][j])
    result = model.solve(stop=MaxRuntime(seconds), seed=seed, display=False)
    routes = []
    for route in result.best.routes():
        # Clients are numbered after the depot, in the order they were added.
        routes.append([inst.ids[a.idx + 1] for a in route.schedule() if a.is_client()])
    return routes


SOLVERS = {"schakel": solve_schakel, "vroom": solve_vroom, "ortools": solve_ortools, "pyvrp": solve_pyvrp}

# ---------------------------------------------------------------- running


def load_bks():
    bks = {}
    for line in (DATA / "solomon" / "solomon100_bks_summary.csv").read_text().splitlines()[1:]:
        f = line.split(",")
        bks[f[0]] = (int(f[2]), float(f[3]))
    for line in (DATA / "tsplib" / "tsplib_optima.csv").read_text().splitlines()[1:]:
        f = line.split(",")
        bks[f[0]] = (1, float(f[3]))
    return bks


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--tsp-seconds", type=float, default=1)
    parser.add_argument("--only", default="")
    parser.add_argument("--solvers", default="schakel,vroom,ortools,pyvrp")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--rewrite", action="store_true",
                        help="write the table again from the last run's rows (bench/rounds/last-run.json), solving nothing")
    args = parser.parse_args()
    if args.rewrite:
        saved = json.loads(LAST_RUN.read_text())
        write_results(saved["rows"], argparse.Namespace(**saved["args"]), saved["run"])
        return
    subprocess.run(["swift", "build", "-c", "release", "--product", "schakel-rounds"], cwd=ROOT, check=True)
    solvers = args.solvers.split(",")
    only = set(filter(None, args.only.split(",")))
    bks = load_bks()
    cases = []
    for path in sorted((DATA / "tsplib").glob("*.tsp")):
        cases.append((read_tsplib(path), path, "tsplib", args.tsp_seconds))
    for path in sorted((DATA / "solomon").glob("*.txt")):
        cases.append((read_solomon(path), path, "solomon", args.seconds))
    amersfoort = DATA / "amersfoort60.json"
    cases.append((JSONInstance(amersfoort), amersfoort, "json", 1.0))
    rows = []
    for inst, path, fmt, seconds in cases:
        if only and inst.name not in only:
            continue
        for solver in solvers:
            started = time.perf_counter()
            try:
                routes = SOLVERS[solver](inst, path, fmt, seconds, args.seed)
                elapsed = time.perf_counter() - started
                vehicles, distance, missing = check(inst, routes)
                status = "ok" if missing == 0 else f"{missing} unserved"
            except Exception as error:  # a solver's failure is a result too
                elapsed = time.perf_counter() - started
                vehicles, distance, status = None, None, f"error: {str(error)[:60]}"
            rows.append(dict(instance=inst.name, kind=fmt, solver=solver, vehicles=vehicles, distance=distance,
                             seconds=elapsed, status=status, limit=seconds, bks=bks.get(inst.name)))
            print(f"{inst.name:10} {solver:8} {vehicles} {distance and round(distance, 2)} {elapsed:.2f}s {status}", flush=True)
    if not args.no_write:
        run = {"at": f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M}", "machine": machine(),
               "versions": {p: version(p) for p in ("pyvroom", "ortools", "pyvrp")}}
        LAST_RUN.write_text(json.dumps({"run": run, "args": {"seconds": args.seconds, "tsp_seconds": args.tsp_seconds},
                                        "rows": rows}, indent=1) + "\n")
        write_results(rows, args, run)


def gap(row):
    if row["bks"] is None or row["distance"] is None or row["status"] != "ok":
        return None
    return 100 * (row["distance"] - row["bks"][1]) / row["bks"][1]


def machine():
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def better(a, b):
    """-1, 0 or 1: is result a better than b for the vehicles-then-distance objective (a feasible result beats
    an infeasible one; distances within 0.01 % count as equal)."""
    if (a["status"] == "ok") != (b["status"] == "ok"):
        return 1 if a["status"] == "ok" else -1
    if a["status"] != "ok":
        return 0
    if a["vehicles"] != b["vehicles"]:
        return 1 if a["vehicles"] < b["vehicles"] else -1
    if abs(a["distance"] - b["distance"]) <= 1e-4 * b["distance"]:
        return 0
    return 1 if a["distance"] < b["distance"] else -1


def write_results(rows, args, run):
    solvers = list(dict.fromkeys(r["solver"] for r in rows))
    v = run["versions"]
    lines = ["<!-- rounds:start -->", "## Round planning (VRPTW and TSP)", "",
             f"Run {run['at']} UTC on {run['machine']}, one thread per solver, "
             f"the same time limit for every solver: {args.tsp_seconds:g} s per TSPLIB instance, {args.seconds:g} s per Solomon instance, "
             "1 s for the Amersfoort case. Command: `python3 bench/rounds/run.py`. Peers: pyvroom "
             f"{v['pyvroom']}, OR-Tools {v['ortools']} (guided local search), PyVRP {v['pyvrp']}. "
             "Peers get distances in thousandths rounded to integers and a fixed cost per vehicle (fewest vehicles first); "
             "every distance below is recomputed in double precision (TSPLIB: rounded as TSPLIB prescribes) from the returned routes, "
             "and every solution passes this script's own feasibility check or is marked.", ""]
    # Means per class
    classes = {}
    for r in rows:
        name = r["instance"]
        cls = "TSPLIB" if r["kind"] == "tsplib" else ("Amersfoort" if r["kind"] == "json" else name.rstrip("0123456789"))
        classes.setdefault(cls, []).append(r)
    lines += ["### Means per class", "", "| class | " + " | ".join(f"{s} vehicles | {s} gap %" for s in solvers) + " |",
              "|---|" + "---|---|" * len(solvers)]
    for cls, items in classes.items():
        if cls == "Amersfoort":
            continue
        cells = []
        for s in solvers:
            mine = [r for r in items if r["solver"] == s and r["status"] == "ok"]
            gaps = [g for g in map(gap, mine) if g is not None]
            veh = sum(r["vehicles"] for r in mine) / len(mine) if mine else None
            cells.append(f"{veh:.2f}" if veh is not None else "—")
            cells.append(f"{sum(gaps) / len(gaps):.2f}" if gaps else "—")
        lines.append(f"| {cls} | " + " | ".join(cells) + " |")
    # Overall Solomon summary
    lines += ["", "### Solomon targets", ""]
    for s in solvers:
        mine = [r for r in rows if r["solver"] == s and r["kind"] == "solomon"]
        ok = [r for r in mine if r["status"] == "ok"]
        if not mine:
            continue
        gaps = [gap(r) for r in ok]
        over = sum(1 for r in ok if r["vehicles"] > r["bks"][0] + 1)
        extra = sum(r["vehicles"] - r["bks"][0] for r in ok)
        at_best = [gap(r) for r in ok if r["vehicles"] == r["bks"][0]]
        lines.append(f"- {s}: {len(ok)}/{len(mine)} feasible, mean distance gap {sum(gaps) / max(1, len(gaps)):.2f} %, "
                     f"vehicles above best known {extra} in total, instances with more than best known + 1: {over}; "
                     f"in total {sum(r['vehicles'] for r in ok)} vehicles and {sum(r['distance'] for r in ok):,.0f} distance; "
                     f"on the {len(at_best)} instances where it needs the best known number of vehicles, "
                     f"mean distance gap {sum(at_best) / max(1, len(at_best)):.2f} %")
    lines += ["", "A plain mean of distance gaps favours a solver that uses more vehicles (more routes are shorter), "
              "so the head-to-head count below compares as the objective does: fewer vehicles first, then distance.", ""]
    solomon = {}
    for r in rows:
        if r["kind"] == "solomon":
            solomon.setdefault(r["instance"], {})[r["solver"]] = r
    for s in solvers[1:]:
        outcomes = [better(result[solvers[0]], result[s]) for result in solomon.values()
                    if solvers[0] in result and s in result]
        pairs = [(result[solvers[0]], result[s]) for result in solomon.values()
                 if solvers[0] in result and s in result and result[solvers[0]]["status"] == "ok"
                 and result[s]["status"] == "ok" and result[solvers[0]]["vehicles"] == result[s]["vehicles"]]
        if outcomes:
            same = (f"; on the {len(pairs)} instances where both use as many vehicles, mean distance gap "
                    f"{sum(gap(a) for a, _ in pairs) / len(pairs):.2f} % against {sum(gap(b) for _, b in pairs) / len(pairs):.2f} %"
                    if pairs else "")
            lines.append(f"- {solvers[0]} against {s} on Solomon: better on {outcomes.count(1)}, "
                         f"equal on {outcomes.count(0)}, worse on {outcomes.count(-1)} of {len(outcomes)} instances" + same)
    tsp = [r for r in rows if r["kind"] == "tsplib"]
    for s in solvers:
        mine = [r for r in tsp if r["solver"] == s and r["status"] == "ok"]
        if mine:
            worst = max(gap(r) for r in mine)
            lines.append(f"- {s} on TSPLIB: worst gap {worst:.2f} %, mean {sum(gap(r) for r in mine) / len(mine):.2f} %")
    lines += ["", "### Per instance", "",
              "| instance | best known (vehicles / distance) | " + " | ".join(f"{s}" for s in solvers) + " |",
              "|---|---|" + "---|" * len(solvers)]
    by_instance = {}
    for r in rows:
        by_instance.setdefault(r["instance"], {})[r["solver"]] = r
    for name, result in by_instance.items():
        any_row = next(iter(result.values()))
        known = f"{any_row['bks'][0]} / {any_row['bks'][1]:.2f}" if any_row["bks"] else "—"
        cells = []
        for s in solvers:
            r = result.get(s)
            if r is None:
                cells.append("—")
            elif r["status"] != "ok":
                cells.append(f"{r['status']} ({r['seconds']:.1f} s)")
            else:
                g = gap(r)
                cells.append(f"{r['vehicles']} / {r['distance']:.2f}" + (f" ({g:+.2f} %)" if g is not None else "") + f", {r['seconds']:.1f} s")
        lines.append(f"| {name} | {known} | " + " | ".join(cells) + " |")
    lines.append("<!-- rounds:end -->")
    section = "\n".join(lines) + "\n"
    results = ROOT / "bench" / "RESULTS.md"
    text = results.read_text() if results.exists() else "# Benchmark results\n\nEach section is written by its benchmark; see bench/README.md.\n\n"
    if "<!-- rounds:start -->" in text:
        start = text.index("<!-- rounds:start -->")
        end = text.index("<!-- rounds:end -->") + len("<!-- rounds:end -->\n")
        text = text[:start] + section + text[end:]
    else:
        text += section
    results.write_text(text)
    print(f"wrote {results}")


def version(package):
    try:
        from importlib.metadata import version as v
        return v(package)
    except Exception:
        return "?"


if __name__ == "__main__":
    main()
