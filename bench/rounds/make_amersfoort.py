"""Generates bench/data/amersfoort60.json: a concierges' day in Schothorst (Amersfoort) with 60 stops,
three concierges on foot from the community centre (open 9:30-16:00). 24 stops are warm meals that
must arrive between 11:30 and 13:00 (5 minutes at the door); the other 36 are groceries, medicine and
parcels between 10:00 and 15:30 with 5 to 15 minutes for a chat. Fictional positions; a fixed seed."""
import json
import pathlib
import random

random.seed(2021)
DEPOT = {"id": 0, "lat": 52.1790, "lon": 5.4060, "ready": 9 * 3600 + 30 * 60, "due": 16 * 3600}
stops = []
for number in range(1, 61):
    meal = number <= 24
    stops.append({
        "id": number,
        "lat": round(52.1720 + random.random() * 0.0150, 6),
        "lon": round(5.3980 + random.random() * 0.0200, 6),
        "demand": 1,
        "ready": (11 * 3600 + 30 * 60) if meal else 10 * 3600,
        "due": (13 * 3600) if meal else (15 * 3600 + 30 * 60),
        "service": 300 if meal else random.choice([300, 420, 600, 900]),
    })
problem = {
    "name": "Schothorst, maaltijden dinsdag",
    "vehicles": 3,
    "capacity": 25,
    "speed": 1.25,
    "detourFactor": 1.3,
    "depot": DEPOT,
    "stops": stops,
}
path = pathlib.Path(__file__).resolve().parents[1] / "data" / "amersfoort60.json"
path.write_text(json.dumps(problem, indent=1) + "\n", encoding="utf-8")
print(path)
