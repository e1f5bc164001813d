"""Request timings for scripts/bench-national.sh.

  units DB OUT            picks, from the SQLite database the generator filled, the largest
                          province, its communes and the period (the registry is loaded in the
                          same order on PostgreSQL; the names are checked there)
  LABEL OUT COLD --cold-start-only   empties the cold samples
  LABEL OUT COLD --cold PORT         one request of each kind on a freshly started server
  LABEL OUT COLD --warm PORT         the same requests again and again; prints p50/p99 of both
"""
import json, os, sqlite3, subprocess, sys, time, urllib.request

KINDS = ["commune overview", "province overview (roll-up)", "compare across the province",
         "glance page of the province (HTML, every commune assessed)"]


def pick(db, out):
    c = sqlite3.connect(db)
    province, name = c.execute(
        "SELECT p.id, p.name FROM units p JOIN units u ON u.parent_id = p.id AND u.valid_from = '2025-07-01' "
        "WHERE p.parent_id IS NULL AND p.valid_to IS NULL GROUP BY p.id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
    provinces = [r[0] for r in c.execute("SELECT id FROM units WHERE parent_id IS NULL AND valid_to IS NULL ORDER BY id")]
    communes = [r[0] for r in c.execute(
        "SELECT id FROM units WHERE parent_id = ? AND valid_from = '2025-07-01' ORDER BY id", (province,))]
    names = dict(c.execute("SELECT id, name FROM units WHERE id IN (%s)" % ",".join(map(str, provinces + communes))))
    year, month = c.execute(
        "SELECT year, MAX(to_month) FROM observations WHERE year = (SELECT MAX(year) FROM observations)").fetchone()
    indicator = c.execute("SELECT indicator_code FROM targets WHERE unit_id = ? ORDER BY indicator_code LIMIT 1",
                          (province,)).fetchone()[0]
    json.dump({"province": province, "provinces": provinces, "communes": communes, "year": year, "month": month,
               "indicator": indicator, "names": names}, open(out, "w"))
    print(f"largest province: {name}, {len(communes)} communes; period {month} months of {year}; "
          f"compare: {indicator}")


def ids(plan):
    """The units' IDs, checked by name on PostgreSQL."""
    url = os.environ.get("DATABASE_URL")
    if url:
        rows = subprocess.run(["psql", url, "-Atc", "SELECT id, name FROM units"], capture_output=True, text=True,
                              check=True).stdout.splitlines()
        stored = dict(r.split("|", 1) for r in rows)
        wrong = [i for i, name in plan["names"].items() if stored.get(i) != name]
        assert not wrong, f"units numbered differently on PostgreSQL: {wrong[:5]}"
    return {i: i for i in plan["provinces"] + plan["communes"]}


def paths(plan, unit_ids, index):
    y, m = plan["year"], plan["month"]
    commune = unit_ids[plan["communes"][index % len(plan["communes"])]]
    # The cold rounds take another province each time; the warm ones the largest.
    province = unit_ids[plan["province"] if index < 0 else plan["provinces"][index % len(plan["provinces"])]]
    if index < 0:
        commune = unit_ids[plan["communes"][0]]
    return [f"/api/v1/units/{commune}/overview?year={y}&to_month={m}",
            f"/api/v1/units/{province}/overview?year={y}&to_month={m}",
            f"/api/v1/units/{province}/compare?indicator={plan['indicator']}&year={y}&to_month={m}",
            f"/don-vi/{province}/toan-canh?nam={y}&thang={m}"]


def get(port, path):
    start = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=120) as r:
        body = r.read()
        assert r.status == 200, (path, r.status)
    return (time.perf_counter() - start) * 1000, body


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values) + 0.5) - 1))]


def main():
    if sys.argv[1] == "units":
        return pick(sys.argv[2], sys.argv[3])
    label, plan_file, cold_file, mode = sys.argv[1:5]
    if mode == "--cold-start-only":
        open(cold_file, "w").close()
        return
    port = int(sys.argv[5])
    plan = json.load(open(plan_file))
    unit_ids = ids(plan)
    if mode == "--cold":
        rounds = sum(1 for _ in open(cold_file))
        with open(cold_file, "a") as f:
            f.write(json.dumps([get(port, p)[0] for p in paths(plan, unit_ids, rounds)]) + "\n")
        return
    cold = [json.loads(line) for line in open(cold_file)]
    for k, path in enumerate(paths(plan, unit_ids, -1)):
        # the glance assesses every commune (seconds): fewer rounds
        repeats = 10 if k == 3 else 100
        for _ in range(5 if k < 3 else 1):
            _, body = get(port, path)
        warm = [get(port, path)[0] for _ in range(repeats)]
        colds = [row[k] for row in cold]
        extra = ""
        if k == 1:
            rows = json.loads(body).get("rows") or json.loads(body).get("assessments") or []
            derived = sum(1 for r in rows if isinstance(r, dict) and r.get("origin") == "derived")
            extra = f", {derived} of {len(rows)} figures rolled up"
        print(f"{label} {KINDS[k]}: warm p50 {percentile(warm, 50):.1f} ms, p99 {percentile(warm, 99):.1f} ms "
              f"({repeats} requests); cold p50 {percentile(colds, 50):.1f} ms, p99 {percentile(colds, 99):.1f} ms "
              f"({len(colds)} fresh servers, another unit each){extra}")


main()
