#!/usr/bin/env python3
"""Generates a social map of N services in Amersfoort as HSDS 3.0 service_full JSON, deterministic for a seed.
Names, descriptions and kinds of help are drawn from Dutch word lists, so Dutch search has realistic work.

Usage: python3 bench/map/make_services.py N OUT.json [--seed S]
"""
import argparse
import json
import random
import uuid

TAXONOMY = ["Schuldhulpverlening", "Geldzaken en administratie", "Eenzaamheid en ontmoeting", "Maaltijden en voedsel",
            "Wonen en huisvesting", "Mantelzorgondersteuning", "Psychische gezondheid en herstel", "Verslavingszorg",
            "Huiselijk geweld", "Werk en dagbesteding", "Taal en inburgering", "Vervoer", "Zorg en ondersteuning thuis",
            "Vrijwilligerswerk", "Juridisch advies", "Opvoeding en gezin", "Gezondheid", "Bewegen en sport",
            "Digitale vaardigheden", "Activiteiten in de buurt"]
TAXONOMY_ID = "0d6c6f0e-8a43-5f3b-9e35-5c6b1c7e2a10"
KINDS = ["Inloopspreekuur", "Koffieochtend", "Cursus", "Lunch", "Maatjesproject", "Spreekuur", "Huiskamer",
         "Wandelgroep", "Taalcafé", "Budgetcursus", "Ontmoetingsgroep", "Steunpunt", "Loket", "Werkplaats",
         "Repair Café", "Kookclub", "Formulierenhulp", "Ouderencontact", "Buurtkamer", "Gespreksgroep"]
TOPICS = ["schulden", "geldzaken", "eenzaamheid", "ontmoeting", "maaltijden", "mantelzorg", "herstel", "verslaving",
          "opvoeding", "taal", "werk", "vrijwilligers", "gezondheid", "bewegen", "computers", "wonen", "rouw",
          "armoede", "administratie", "ouderen", "jongeren", "nieuwkomers", "dementie", "gezinnen"]
PLACES = ["Kruiskamp", "Schothorst", "Liendert", "Rustenburg", "Randenbroek", "Schuilenburg", "Soesterkwartier",
          "Vathorst", "Nieuwland", "Kattenbroek", "Hoogland", "Binnenstad", "De Koppel", "Zielhorst", "Leusderkwartier"]
SENTENCES = [
    "Hulp bij {t} voor wie het zelf even niet redt.", "Samen met buurtgenoten werken aan {t}.",
    "Vrijwilligers en professionals helpen bij {t}, dichtbij huis.", "Een vaste plek voor vragen over {t}.",
    "Iedereen is welkom, ook zonder afspraak; we praten over {t} en wat u nodig hebt.",
    "Voor bewoners van {p} en omgeving die zich zorgen maken over {t}.",
    "Met koffie, een luisterend oor en praktische tips over {t}.",
    "Wij verwijzen door naar de juiste hulp als dat nodig is, bijvoorbeeld bij schuldhulpverlening of eenzaamheid.",
]
LANGUAGES = [("nl", "Nederlands"), ("en", "Engels"), ("tr", "Turks"), ("ar", "Arabisch"), ("pl", "Pools"),
             ("ti", "Tigrinya"), ("uk", "Oekraïens")]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def uid(*parts):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "https://schakel.nl/bench/" + "/".join(map(str, parts))))


def term(name):
    return {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, "https://schakel.nl/taxonomie/" + name)),
            "code": f"SK{TAXONOMY.index(name) + 1:02d}", "name": name, "description": name,
            "taxonomy": "Schakel sociale kaart", "language": "nl"}


def service(i, rng, organisations):
    kind, topic, place = rng.choice(KINDS), rng.choice(TOPICS), rng.choice(PLACES)
    sid = uid("service", i)
    org = organisations[rng.randrange(len(organisations))]
    terms = rng.sample(TAXONOMY, rng.randint(1, 3))
    description = " ".join(rng.choice(SENTENCES).format(t=rng.choice(TOPICS), p=place) for _ in range(rng.randint(2, 4)))
    opens = rng.choice([9, 10, 13, 14, 19])
    hours = rng.choice([1, 2, 3])
    days = sorted(rng.sample(range(7), rng.randint(1, 3)))
    free = rng.random() < 0.7
    languages = [LANGUAGES[0]] + rng.sample(LANGUAGES[1:], rng.randint(0, 2))
    return {
        "id": sid, "name": f"{kind} {topic} {place} {i}", "description": description, "status": "active",
        "application_process": rng.choice(["Gewoon binnenlopen.", "Aanmelden per telefoon.", "Via de buurtconciërge."]),
        "eligibility_description": rng.choice(["Iedereen.", "Inwoners van Amersfoort.", "65 jaar en ouder."]),
        "fees_description": "Gratis" if free else "€ 3,00 per keer",
        "assured_date": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
        "organization": org,
        "cost_options": [{"id": uid("cost", i), "amount": 0 if free else 3, "currency": "EUR"}],
        "languages": [{"id": uid("language", i, code), "code": code, "name": name} for code, name in languages],
        "phones": [{"id": uid("phone", i), "number": f"033 {rng.randint(100, 999)} {rng.randint(1000, 9999)}"}],
        "attributes": [{"id": uid("attribute", i, n), "link_id": sid, "link_type": "service_type",
                        "link_entity": "service", "taxonomy_term_id": term(n)["id"], "taxonomy_term": term(n)}
                       for n in terms],
        "service_at_locations": [{
            "id": uid("sal", i),
            "location": {
                "id": uid("location", i), "location_type": "physical", "name": f"Buurthuis {place}",
                "latitude": round(52.13 + rng.random() * 0.07, 5), "longitude": round(5.34 + rng.random() * 0.1, 5),
                "addresses": [{"id": uid("address", i), "address_1": f"{place}plein {rng.randint(1, 200)}",
                               "city": "Amersfoort", "state_province": "Utrecht",
                               "postal_code": f"38{rng.randint(10, 29)} {rng.choice('ABCDEFGHJKLMNPRT')}{rng.choice('ABCDEFGHJKLMNPRT')}",
                               "country": "NL", "address_type": "physical"}],
            },
            "schedules": [{"id": uid("schedule", i), "freq": "WEEKLY", "byday": ",".join(DAYS[d] for d in days),
                           "opens_at": f"{opens:02d}:00:00", "closes_at": f"{opens + hours:02d}:00:00"}],
        }],
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    organisations = [{"id": uid("organisation", n), "name": f"Stichting {rng.choice(PLACES)} {n}",
                      "description": "Een organisatie in het sociaal domein."} for n in range(max(1, args.count // 60))]
    with open(args.out, "w") as f:
        json.dump([service(i, rng, organisations) for i in range(args.count)], f, ensure_ascii=False)


if __name__ == "__main__":
    main()
