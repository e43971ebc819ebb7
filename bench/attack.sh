#!/usr/bin/env bash
# Replays the attacks of issue 17 against the service with the README's settings, on localhost only:
#   1. the pair explosion: 2,000 identical CSV rows (DISC-3 overlap);
#   2. slow bodies: SLOW connections (default 250) each announcing a 40 MB list and sending a byte every 5 s, while
#      GET /, GET /assess and a single assessment are timed (each must answer within 1 s);
#   3. a wide header: a CSV list whose header has 100,000 columns;
#   4. a sparse workbook: an Excel list whose rows each have one cell in column XFD;
#   5. a disconnect mid-list: a list of 20,000 rows, its answer dropped after its first bytes; the service's CPU
#      time is then sampled to see whether the work went on.
# Then a sample must still get 200 within 1 s. Prints the service's resident memory before and after, and its peak
# (VmHWM) across the run, last. Every loop is bounded, every request has a time-out. Not a test; not in CI.
# Starts the service itself (java -Xmx512m -Xms64m -XX:+UseSerialGC -jar target/quarkus-app/quarkus-run.jar) on
# PORT (default 18104), unless PID names one already running there. Each attack reports what it sees; it does not
# stop the run.
set -uo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18104}
SLOW=${SLOW:-250}
SLOW_SECONDS=${SLOW_SECONDS:-30}
BASE=http://127.0.0.1:$PORT
work=$(mktemp -d /tmp/phendau-attack.XXXXXX)
started=""
cleanup() {
    [ -n "$started" ] && kill "$started" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${PID:-}" ]; then
    [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests
    java -Xmx512m -Xms64m -XX:+UseSerialGC -Dquarkus.http.port="$PORT" -jar target/quarkus-app/quarkus-run.jar \
        > "$work/service.log" 2>&1 &
    started=$!
    PID=$started
    for _ in $(seq 120); do
        curl -sf -o /dev/null "$BASE/q/health/ready" && break
        sleep 1
    done
fi
curl -sf -o /dev/null --max-time 5 "$BASE/q/health/ready" || { echo "the service on $PORT is not ready" >&2; exit 1; }

rss() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$PID/status"; }
peak() { awk '/^VmHWM/ {printf "%d", $2 / 1024}' "/proc/$PID/status"; }
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }  # user + system, in clock ticks
rss_before=$(rss)
echo "service pid $PID on port $PORT; resident memory before: ${rss_before} MB"

python3 - "$PORT" "$work" "$SLOW" "$SLOW_SECONDS" "$PID" <<'PY'
import io, json, os, socket, sys, threading, time, urllib.request, zipfile

port, work, slow, slow_seconds, pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
base = f"http://127.0.0.1:{port}"
sample = open("samples/01-lang-son-duong-cua-khau-tan-thanh.json", "rb").read()
csv_lines = open("samples/lists/lang-son-cao-bang-2026-2030.csv", encoding="utf-8").read().split("\n")
header, first_row = csv_lines[0], csv_lines[1]

def cpu_ticks():
    with open(f"/proc/{pid}/stat") as f:
        return sum(int(x) for x in f.read().rsplit(")", 1)[1].split()[11:13])

def request(method, path, body=None, headers=None, timeout=120, keep=2_000_000):
    """status, seconds, bytes received (at most keep are kept), the kept bytes; status 0 for a failure."""
    t = time.monotonic()
    try:
        req = urllib.request.Request(base + path, data=body, method=method, headers=headers or {})
        with urllib.request.urlopen(req, timeout=timeout) as r:
            got, kept = 0, bytearray()
            while True:
                chunk = r.read(65536)
                if not chunk:
                    break
                got += len(chunk)
                if len(kept) < keep:
                    kept += chunk
            return r.status, time.monotonic() - t, got, bytes(kept)
    except urllib.error.HTTPError as e:
        data = e.read()
        return e.code, time.monotonic() - t, len(data), data[:keep]
    except Exception as e:
        return 0, time.monotonic() - t, 0, repr(e).encode()

def probes():
    """GET /, GET /assess and a single assessment: (name, status, seconds) each."""
    out = []
    for name, method, path, body, hdrs in (
            ("GET /", "GET", "/", None, {}),
            ("GET /assess", "GET", "/assess", None, {}),
            ("POST /api/v1/assessments", "POST", "/api/v1/assessments", sample, {"Content-Type": "application/json"})):
        status, secs, _, _ = request(method, path, body, hdrs, timeout=10)
        out.append((name, status, secs))
    return out

def rss():
    with open(f"/proc/{pid}/status") as f:
        return next(int(l.split()[1]) // 1024 for l in f if l.startswith("VmRSS"))

def report(title, status, secs, size, note=""):
    print(f"{title}: HTTP {status} in {secs:.1f} s, {size:,} bytes{(' — ' + note) if note else ''}; resident now {rss()} MB",
          flush=True)

# 2. Slow bodies.
socks, cut = [], 0
def open_slow(i):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.sendall(b"POST /api/v1/assessments/batch HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n"
                  b"Content-Length: 40000000\r\n\r\n" + header.encode()[:1])
        socks.append(s)
    except OSError:
        pass
for i in range(slow):
    open_slow(i)
worst = {}
deadline = time.monotonic() + slow_seconds
sent = 1
while time.monotonic() < deadline:
    for name, status, secs in probes():
        worst[name] = max(worst.get(name, (0, 0))[0], secs), status if status != 200 else worst.get(name, (0, 200))[1]
    time.sleep(5)
    for s in socks:
        try:
            s.sendall(header.encode()[sent:sent + 1])
        except OSError:
            pass
    sent += 1
for s in socks:
    try:
        s.setblocking(False)
        if s.recv(12).startswith(b"HTTP/1.1 408"):
            cut += 1
    except OSError:
        pass
    s.close()
for name, (secs, status) in worst.items():
    print(f"2. slow bodies ({len(socks)} connections, a byte every 5 s, {slow_seconds} s): {name} worst {secs:.2f} s"
          f" (HTTP {status}){'' if secs < 1 else ' — OVER 1 s'}", flush=True)
print(f"2. slow bodies: {cut} of {len(socks)} connections cut off by the service with 408; resident now {rss()} MB", flush=True)

# 3. A wide header: 100,000 columns.
wide = ",".join(["id", "name", "location.province", "sector", "investment.totalVnd"] + [f"x{i}" for i in range(100_000)])
status, secs, size, kept = request("POST", "/api/v1/assessments/batch", (wide + "\nA,B,Lạng Sơn,TRANSPORT,1\n").encode(),
                                   {"Content-Type": "text/csv"}, timeout=300)
report("3. wide header (100,000 columns)", status, secs, size, kept[:160].decode("utf-8", "replace"))

# 4. A sparse workbook: 2,000 rows, each with one more cell in column XFD.
def cell(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'
cols = ["id", "name", "location.province", "sector", "investment.totalVnd"]
letters = "ABCDE"
sheet = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
         '<row r="1">' + "".join(cell(f"{letters[i]}1", c) for i, c in enumerate(cols)) + "</row>"]
for r in range(2, 2002):
    sheet.append(f'<row r="{r}">' + cell(f"A{r}", f"S-{r}") + cell(f"B{r}", "Đường") + cell(f"C{r}", "Lạng Sơn")
                 + cell(f"D{r}", "TRANSPORT") + f'<c r="E{r}"><v>1000000000</v></c>' + cell(f"XFD{r}", "x") + "</row>")
sheet.append("</sheetData></worksheet>")
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="List" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/worksheets/sheet1.xml", "".join(sheet))
status, secs, size, kept = request("POST", "/api/v1/assessments/batch", buf.getvalue(),
    {"Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Accept": "text/csv"}, timeout=300)
report("4. sparse workbook (2,000 rows, a cell in XFD each)", status, secs, size,
       f"{kept.count(b'PROJECT')} PROJECT rows" if status == 200 else kept[:160].decode("utf-8", "replace"))

# 5. A disconnect mid-list: 20,000 rows, the answer dropped after its first 64 KB.
big = "\n".join([header] + [first_row.replace("LS-2026-101", f"D-{i}", 1).replace("Chi Ma:true;Lộc Bình:false", f"Xã {i}:true")
                            for i in range(20_000)]) + "\n"
body = big.encode()
s = socket.create_connection(("127.0.0.1", port), timeout=120)
s.sendall(b"POST /api/v1/assessments/batch HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
got, t = 0, time.monotonic()
try:
    while got < 65536:
        chunk = s.recv(65536)
        if not chunk:
            break
        got += len(chunk)
except OSError as e:
    print(f"5. disconnect mid-list: no answer began ({e!r})", flush=True)
s.close()
gone = time.monotonic()
time.sleep(1)
c0 = cpu_ticks(); time.sleep(2); busy = (cpu_ticks() - c0) / os.sysconf("SC_CLK_TCK") / 2
print(f"5. disconnect mid-list (20,000 rows, dropped after {got:,} bytes, {gone - t:.1f} s in): from 1 s to 3 s after,"
      f" the service used {busy * 100:.0f}% of a core{' — the work went on' if busy > 0.5 else ''}; resident now {rss()} MB", flush=True)

# 1. The pair explosion, last: until DISC-3 groups its overlaps, it can take the heap.
rows = "\n".join([header] + [first_row.replace("LS-2026-101", f"X-{i}", 1) for i in range(2000)]) + "\n"
status, secs, size, kept = request("POST", "/api/v1/assessments/batch", rows.encode(), {"Content-Type": "text/csv"},
                                   timeout=300, keep=1 << 62)
try:
    answer = json.loads(kept)
    note = f"valid JSON, {len(answer.get('portfolioFindings', []))} portfolio findings" + (
        ", marked incomplete" if "incomplete" in answer else "")
except Exception:
    note = "NOT valid JSON (cut short)" if status == 200 else kept[:200].decode("utf-8", "replace")
del kept
report("1. pair explosion (2,000 identical rows)", status, secs, size, note)

# Then: does the service still answer?
status, secs, _, _ = request("POST", "/api/v1/assessments", sample, {"Content-Type": "application/json"}, timeout=10)
print(f"after: a sample answers HTTP {status} in {secs:.2f} s{'' if status == 200 and secs < 1 else ' — FAILED'}", flush=True)
PY

rss_after=$(rss)
echo "resident memory: before ${rss_before} MB, after ${rss_after} MB, peak across the run $(peak) MB (target: under 600 MB)"
