#!/usr/bin/env python3
"""Black-box story evaluation: labelled articles -> one RSS feed per outlet on loopback -> the
built jar -> /api/channels/{id}/stories -> BCubed and pairwise scores against the labels.

usage: [E2E_PORTS=feed,app] bench/stories_e2e.py [labelled.jsonl]   (default: ../shared/testdata/stories/caucasus-dev.jsonl)
A pairs file (pairs-dev.jsonl: {pair, language, same_story, a, b}) is served the same way, one
feed per site, undated, and scored as pair accuracy per language.
Needs target/quarkus-app/quarkus-run.jar (./mvnw package -DskipTests). Prints figures only.
"""
import collections, email.utils, hashlib, http.server, json, os, socket, subprocess, sys, tempfile, threading, time
import urllib.request
from datetime import datetime
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "testdata", "stories", "caucasus-dev.jsonl")
articles = [json.loads(l) for l in open(data, encoding="utf-8") if l.strip()]
pairs = None
if articles and "pair" in articles[0]:
    from urllib.parse import urlparse
    pairs, seen, articles = articles, set(), []
    for p in pairs:
        for side in (p["a"], p["b"]):
            if not side["url"].startswith("http") and (side.get("title") or "").startswith("http"):
                # some pair files carry the link in "title" and the headline in "url"
                side["url"], side["title"] = side["title"], side["url"]
            if side["url"] not in seen:
                seen.add(side["url"])
                # a side named by its title rather than a URL is its own site, as in PairModelBench
                site = urlparse(side["url"]).netloc or "site-" + hashlib.sha1(side["url"].encode()).hexdigest()[:8]
                articles.append(dict(side, outlet=site, story=side["url"]))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss(outlet, items):
    out = ['<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>',
           f"<title>{escape(outlet)}</title><link>https://{escape(outlet)}/</link><description>{escape(outlet)}</description>"]
    for a in items:
        date = ""
        if a.get("published"):
            when = datetime.fromisoformat(a["published"].replace("Z", "+00:00"))
            date = f"<pubDate>{email.utils.format_datetime(when)}</pubDate>"
        out.append(f"<item><title>{escape(a.get('title') or '')}</title><link>{escape(a['url'])}</link>"
                   f"<guid>{escape(a['url'])}</guid>{date}"
                   f"<description>{escape(a.get('text') or '')}</description></item>")
    out.append("</channel></rss>")
    return "".join(out).encode("utf-8")


def slug(outlet):
    return "".join(c if c.isalnum() else "-" for c in outlet.lower()).strip("-")[:60]


work = tempfile.mkdtemp(prefix="tributary-stories-")
by_outlet = collections.defaultdict(list)
for a in articles:
    by_outlet[a["outlet"]].append(a)
feeds = {slug(o): rss(o, items) for o, items in by_outlet.items()}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = feeds.get(self.path.strip("/").removesuffix(".rss"))
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.end_headers()
        if body:
            self.wfile.write(body)

    def log_message(self, *args):
        pass


# E2E_PORTS=feed,app pins the two loopback ports (a shared machine's assigned range); else any free ones
feed_port, app_port = (map(int, os.environ["E2E_PORTS"].split(","))
                       if os.environ.get("E2E_PORTS") else (free_port(), free_port()))
server = http.server.ThreadingHTTPServer(("127.0.0.1", feed_port), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
with open(os.path.join(work, "feeds.yaml"), "w") as f:
    f.write("sources:\n")
    for s in feeds:
        f.write(f"  - id: {s}\n    url: http://127.0.0.1:{feed_port}/{s}.rss\n    tags: [eval]\n")
    f.write("channels:\n  - id: eval\n    title: Evaluation\n    tags: [eval]\n")

env = dict(os.environ, QUARKUS_HTTP_PORT=str(app_port), TRIBUTARY_FEEDS=os.path.join(work, "feeds.yaml"),
           TRIBUTARY_FETCH_ALLOW_PRIVATE_NETWORKS="true", TRIBUTARY_RETENTION_MAX_AGE="0")
log = open(os.path.join(work, "app.log"), "w")
app = subprocess.Popen(["java", "-jar", os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar")],
                       cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
base = f"http://127.0.0.1:{app_port}"


def get(path):
    with urllib.request.urlopen(base + path, timeout=30) as r:
        return json.load(r)


try:
    t0 = time.time()
    while True:
        try:
            sources = get("/api/sources")["sources"]
            if sum(1 for s in sources if s["lastSuccess"]) == len(feeds):
                break
        except OSError:
            pass
        if time.time() - t0 > 300:
            sys.exit("timed out waiting for the first poll; log in " + log.name)
        time.sleep(0.5)
    ingest_s = time.time() - t0
    # items that arrived out of publication order are regrouped once polling goes quiet
    while get("/api/status").get("regroupPending") and time.time() - t0 < 300:
        time.sleep(0.2)
    settled_s = time.time() - t0
    predicted, cursor = {}, None
    while True:
        page = get("/api/channels/eval/stories?limit=200" + (f"&cursor={cursor}" if cursor else ""))
        for story in page["stories"]:
            for item in story["items"]:
                predicted[item["url"]] = story["id"]
        cursor = page["next"]
        if not cursor:
            break
finally:
    app.terminate()
    app.wait(timeout=30)
    server.shutdown()

if pairs is not None:
    right = collections.Counter()
    total = collections.Counter()
    for p in pairs:
        a, b = predicted.get(p["a"]["url"]), predicted.get(p["b"]["url"])
        total[p["language"]] += 1
        ok = (a is not None and a == b) == bool(p["same_story"])
        right[p["language"]] += ok
        if not ok and os.environ.get("VERBOSE"):
            print("WRONG", p["language"], "same" if p["same_story"] else "diff", "|", p["a"]["title"][:70], "|", p["b"]["title"][:70])
            if a is not None and a == b:  # a wrong join: the story's other reports show how it was reached
                title = {x["url"]: x.get("title") or "" for x in articles}
                for url, story in predicted.items():
                    if story == a and url not in (p["a"]["url"], p["b"]["url"]):
                        print("   also in that story:", title.get(url, url)[:90])
    joined = [(predicted.get(p["a"]["url"]) is not None and predicted.get(p["a"]["url"]) == predicted.get(p["b"]["url"]),
               bool(p["same_story"])) for p in pairs]
    tp = sum(1 for j, s in joined if j and s)
    prec = tp / max(1, sum(1 for j, _ in joined if j))
    rec = tp / max(1, sum(1 for _, s in joined if s))
    print(f"articles {len(articles)} outlets {len(feeds)} ingest+cluster {ingest_s:.1f}s regrouped {settled_s:.1f}s")
    print(f"pairs all: accuracy {sum(right.values()) / len(pairs):.3f} | same-story P {prec:.3f} R {rec:.3f} "
          f"F1 {2 * prec * rec / max(1e-9, prec + rec):.3f}")
    for lang in sorted(total):
        print(f"pairs {lang}: accuracy {right[lang] / total[lang]:.3f} ({right[lang]}/{total[lang]})")
    sys.exit(0)
gold = {a["url"]: a["story"] for a in articles}
missing = [u for u in gold if u not in predicted]
if missing and os.environ.get("VERBOSE"):
    print("MISSING", missing)
for u in missing:  # an article the service dropped counts as a story of its own
    predicted[u] = "missing:" + u
urls = list(gold)
gold_members = collections.defaultdict(set)
pred_members = collections.defaultdict(set)
for u in urls:
    gold_members[gold[u]].add(u)
    pred_members[predicted[u]].add(u)
p = sum(len(pred_members[predicted[u]] & gold_members[gold[u]]) / len(pred_members[predicted[u]]) for u in urls) / len(urls)
r = sum(len(pred_members[predicted[u]] & gold_members[gold[u]]) / len(gold_members[gold[u]]) for u in urls) / len(urls)
f1 = 2 * p * r / (p + r) if p + r else 0
tp = fp = fn = 0
for i, a in enumerate(urls):
    for b in urls[i + 1:]:
        same_gold, same_pred = gold[a] == gold[b], predicted[a] == predicted[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
pp = tp / (tp + fp) if tp + fp else 0
pr = tp / (tp + fn) if tp + fn else 0
print(f"articles {len(urls)} outlets {len(feeds)} ingest+cluster {ingest_s:.1f}s regrouped {settled_s:.1f}s missing {len(missing)}")
print(f"BCubed P {p:.3f} R {r:.3f} F1 {f1:.3f}")
print(f"pairwise P {pp:.3f} R {pr:.3f} F1 {2 * pp * pr / (pp + pr) if pp + pr else 0:.3f}")
print(f"stories predicted {len(pred_members)} gold {len(gold_members)}")
