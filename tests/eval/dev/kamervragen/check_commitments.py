"""Checks for the blind commitment test set. Run from this folder: python3 check_commitments.py"""
import csv, json, collections
csv.field_size_limit(10**9)
SRC = '/work/shared/data/kamervragen-antwoorden/vragen-antwoorden.csv'
src = {r[0]: r for r in list(csv.reader(open(SRC, encoding='utf-8')))[1:]}
answers = [json.loads(l) for l in open('kamervragen_answers.jsonl', encoding='utf-8')]
sents = [json.loads(l) for l in open('commitment_sentences.jsonl', encoding='utf-8')]
norm = lambda t: ' '.join(t.split())
ok = True
# batch 1 lines have no "batch" field; batch 2 lines carry "batch": 2
bat = lambda d: d.get('batch', 1)
assert len(answers) == 125 and len({a['row'] for a in answers}) == 125
assert [bat(a) for a in answers] == [1] * 70 + [2] * 55, 'batch 1 first, then batch 2'
_ab = {a["row"]: bat(a) for a in answers}
assert all(bat(s) == _ab[s["row"]] for s in sents), "sentence batch = answer batch"
for a in answers:  # answers and questions are verbatim copies of the CSV
    r = src[a['row']]
    assert a['answer'] == r[3] and a['question'] == r[2], a['row']
coll = {a['row']: norm(a['answer']) for a in answers}
order = [a['row'] for a in answers]
pos = {}
for s in sents:
    assert (s['kind'] is None) == (s['commitment'] is False), s
    assert s['kind'] in (None, 'gedaan', 'vermeld', 'nakoming')
    t = coll[s['row']]
    if s['sentence'] not in t:
        ok = False; print('NOT VERBATIM', s['row'], s['sentence'][:80])
    if t.count(s['sentence']) != 1:
        print('note: occurs', t.count(s['sentence']), 'times', s['row'], s['sentence'][:60])
    # in answer order: each sentence found after the previous one
    p = t.find(s['sentence'], pos.get(s['row'], 0))
    if p < 0:
        ok = False; print('OUT OF ORDER', s['row'], s['sentence'][:60])
    pos[s['row']] = p + len(s['sentence'])
rows_in = [s['row'] for s in sents]
assert set(rows_in) == set(order), 'every chosen answer must have sentences'
assert [r for i, r in enumerate(rows_in) if i == 0 or rows_in[i-1] != r] == order, 'answer order'
# coverage: the labelled sentences cover the whole collapsed answer (only spaces left over)
for r in order:
    t = coll[r]
    for s in (x['sentence'] for x in sents if x['row'] == r):
        t = t.replace(s, '', 1)
    if t.strip():
        ok = False; print('UNCOVERED TEXT', r, repr(t[:80]))
def report(name, A, S):
    c = collections.Counter(s['kind'] for s in S)
    bl = collections.Counter((s['commitment'], s['note'].startswith('borderline:')) for s in S)
    bk = collections.Counter(s['kind'] for s in S if s['commitment'] and s['note'].startswith('borderline:'))
    print(name, 'answers', len(A), 'sentences', len(S), 'kinds', dict(c))
    print('  borderline positives', bl[(True, True)], dict(bk), 'borderline negatives', bl[(False, True)])
    print('  answers with a positive', len({s['row'] for s in S if s['commitment']}))
for b in (1, 2):
    report('batch %d:' % b, [a for a in answers if bat(a) == b], [s for s in sents if bat(s) == b])
report('total:', answers, sents)
print('OK' if ok else 'FAILED')
