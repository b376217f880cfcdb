"""Selection of the answers of the blind commitment TEST set, batch 4 (see README_commitments.md).
Without arguments it prints the pool sizes and the chosen rows. With --write it writes
kamervragen_answers.jsonl (it refuses to overwrite an existing file unless --force is given).
Same result each time it runs."""
import csv, json, os, random, re, sys
csv.field_size_limit(10**9)
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = '/work/shared/data/kamervragen-antwoorden/vragen-antwoorden.csv'
DEVS = [os.path.join(HERE, '..', 'dev', d, 'kamervragen_answers.jsonl')
        for d in ('kamervragen', 'kamervragen2', 'kamervragen3')]
OUT = os.path.join(HERE, 'kamervragen_answers.jsonl')
rows = list(csv.reader(open(SRC, encoding='utf-8')))[1:]
dev_rows = set()
for p in DEVS:
    dev_rows |= {json.loads(l)['row'] for l in open(p, encoding='utf-8')}
assert len(dev_rows) == 251
# the STRONG promise-cue regex of the earlier sets, unchanged (no unused answer is expected here)
STRONG = re.compile(
    r"(uw|de) Kamer .{0,80}(informeren|geïnformeerd|toe(ge)?zonden|ontvangt|sturen)"
    r"|zal .{0,60}(informeren|toezenden|sturen|rapporteren)"
    r"|toezeg|toegezegd|voor de zomer|na de zomer|voor het einde van"
    r"|komt? .{0,40}terug|ontvangt u"
    r"|verwacht .{0,60}(te informeren|te sturen|aan uw Kamer)", re.I)
# the MEDIUM cue of kamervragen3, unchanged (no unused answer is expected here either)
MEDIUM = re.compile(
    r"\b(zal|zullen|zullen wij|ga|gaan)\b.{0,100}\b(kamer|informeren|sturen|brief|rapport\w*|onderzoek"
    r"|evaluatie|terugkomen|toekomen)\b|\bkamer\b.{0,60}\b(informeren|geïnformeerd|ontvangt|toegezonden)\b",
    re.I)
# NEW, written before any labelling: a WEAK cue for answers that may hold a promise (or a reference
# to one) worded differently from STRONG and MEDIUM. Case-insensitive, on the collapsed text.
WEAK = re.compile(
    # first-person or cabinet future / intention
    r"\b(ik zal|zal ik|wij zullen|zullen wij|we zullen|zullen we|het kabinet zal|zal het kabinet"
    r"|ik ga|ga ik|wij gaan|gaan wij|we gaan|gaan we"
    r"|ik ben voornemens|ben ik voornemens|is voornemens|zijn voornemens|het voornemen"
    r"|ik streef|streef ik|streven ernaar|ik verwacht|verwacht ik|naar verwachting|beoogd"
    r"|ik wil .{0,60}\b(bezien|onderzoeken|laten|verkennen|nagaan|uitwerken|bespreken)"
    r"|wil ik .{0,60}\b(bezien|onderzoeken|laten|verkennen|nagaan|uitwerken|bespreken))\b"
    # time phrases pointing forward
    r"|\b(binnenkort|spoedig|op korte termijn|zo snel mogelijk|te zijner tijd|in de loop van"
    r"|dit (voorjaar|najaar|jaar|kwartaal)|deze zomer|komende (periode|maanden|weken|tijd|jaren?)"
    r"|(volgend|komend) (jaar|voorjaar|najaar)|(eerste|tweede|derde|vierde) kwartaal"
    r"|(begin|medio|half|eind|einde|voorjaar|najaar|zomer|herfst) (van )?(20[12]\d|volgend jaar|dit jaar))\b"
    # coming back, further notice, being considered
    r"|\b(nader bericht|kom\w* .{0,40}\bterug|terug te komen|wordt bezien|worden bezien|zal .{0,60}\bbezien"
    r"|nader (onderzoek|onderzocht|bezien|uitgewerkt|uitwerken|uitgewerkte))\b"
    # the Kamer, with any verb (almost every mention of "uw Kamer" / "de Tweede Kamer" has one)
    r"|\b(uw|de tweede) kamer\b"
    # announced documents: report, letter, evaluation etc. with a future or delivery verb
    r"|\b(brief|kamerbrief|rapport|rapportage|evaluatie|onderzoek|verkenning|voortgangsrapportage"
    r"|monitor|actieplan|plan van aanpak|wetsvoorstel|beleidsreactie|kabinetsreactie|kabinetsstandpunt"
    r"|visie|agenda|advies)\b.{0,80}\b(zal|zullen|wordt|worden|verschijnt|volgt|is)\b.{0,40}"
    r"\b(verwacht|afgerond|gepubliceerd|verschijnen|opgeleverd|aangeboden|verzonden|gestuurd"
    r"|uitgebracht|ingediend|gedeeld|openbaar|opgesteld|voorgelegd)\b", re.I)
seen = set(); pool_s = []; pool_m = []; pool_w = []; pool_o = []; skipped = dup = in_dev = 0
for r in rows:
    ans = r[3]
    if len(ans) > 2500:
        skipped += 1; continue
    key = ' '.join(ans.split())
    if key in seen:          # duplicate of an earlier row's text (first occurrence kept, as in dev)
        dup += 1; continue
    seen.add(key)
    if r[0] in dev_rows:
        in_dev += 1; continue
    if STRONG.search(key):
        pool_s.append(r)
    elif MEDIUM.search(key):
        pool_m.append(r)
    elif WEAK.search(key):
        pool_w.append(r)
    else:
        pool_o.append(r)
# STRONG and MEDIUM have no unused answers left; if any turned up they would be taken in full
assert not pool_s and not pool_m, (len(pool_s), len(pool_m))
rng = random.Random(20261204)
N_W, N_R = 45, 15
chosen_w = pool_w[:] if len(pool_w) <= N_W else rng.sample(pool_w, N_W)   # pool_w is in file order
chosen_r = rng.sample(pool_o, N_R)    # separate draw from the same generator; pool_o is in file order
print('skipped >2500:', skipped, 'duplicates dropped:', dup, 'dev rows excluded:', in_dev,
      'unused answers:', len(pool_s) + len(pool_m) + len(pool_w) + len(pool_o))
print('strong-cue pool:', len(pool_s), 'medium-cue pool:', len(pool_m), 'weak-cue pool:', len(pool_w),
      'no-cue pool:', len(pool_o))
print('weak-cue rows (%d):' % len(chosen_w), [r[0] for r in chosen_w])
print('random rows (%d):' % len(chosen_r), [r[0] for r in chosen_r])
if '--write' in sys.argv:
    assert not os.path.exists(OUT) or '--force' in sys.argv, 'kamervragen_answers.jsonl exists'
    with open(OUT, 'w', encoding='utf-8') as f:
        for r in chosen_w + chosen_r:
            f.write(json.dumps({'row': r[0], 'question': r[2], 'answer': r[3]},
                               ensure_ascii=False) + '\n')
