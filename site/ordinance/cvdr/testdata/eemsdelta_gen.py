#!/usr/bin/env python3
"""Render the Eemsdelta ordinance as CVDR XML (testdata/eemsdelta.xml).

Input: the JSON that `regelgids parse content/eemsdelta/verordening.txt --json`
prints (the text parser's reading of the published text). Output on stdout.
Run from the repository root:

    go run ./cmd/regelgids parse content/eemsdelta/verordening.txt --json \
      | python3 site/ordinance/cvdr/testdata/eemsdelta_gen.py \
      > site/ordinance/cvdr/testdata/eemsdelta.xml
"""
import json, re, sys
from xml.sax.saxutils import escape

d = json.load(sys.stdin)
out = []
w = out.append

def al(text, ind):
    for part in text.split("\n\n"):
        w(f"{ind}<al>{escape(part)}</al>")

def items(its, ind):
    w(f"{ind}<lijst>")
    for it in its:
        nr = "•" if it.get("bullet") else it["label"] + "."
        w(f'{ind}  <li nr="{escape(nr)}">')
        al(it["text"], ind + "    ")
        if it.get("items"):
            items(it["items"], ind + "    ")
        w(f"{ind}  </li>")
    w(f"{ind}</lijst>")

def blocks(bs, ind):
    for b in bs:
        if b["kind"] == "heading":
            w(f"{ind}<tussenkop>{escape(b['text'])}</tussenkop>")
        elif b["kind"] == "paragraph":
            w(f"{ind}<al>{escape(b['text'])}</al>")
        else:
            w(f"{ind}<lijst>")
            for it in b["items"]:
                m = re.match(r"^([a-z0-9]{1,3})\) (.*)$", it, re.S)
                nr, text = (m.group(1) + ")", m.group(2)) if m else ("•", it)
                w(f'{ind}  <li nr="{escape(nr)}"><al>{escape(text)}</al></li>')
            w(f"{ind}</lijst>")

m = d["metadata"]
w('<?xml version="1.0" encoding="UTF-8"?>')
w('<cvdr xmlns="http://standaarden.overheid.nl/cvdr/terms/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:overheid="http://standaarden.overheid.nl/owms/terms/" xmlns:overheidrg="http://standaarden.overheid.nl/cvdr/meta/">')
w("  <meta>")
w(f"    <owmskern><dcterms:title>{escape(d['title'])}</dcterms:title><dcterms:language>nl</dcterms:language><dcterms:type scheme=\"overheid:Informatietype\">regeling</dcterms:type><dcterms:creator scheme=\"overheid:Gemeente\">Eemsdelta</dcterms:creator></owmskern>")
w(f"    <owmsmantel><dcterms:source resourceIdentifier=\"1.0:c:BWBR0015703\">Participatiewet</dcterms:source><overheid:isRatifiedBy scheme=\"overheid:BestuursorgaanGemeente\">gemeenteraad</overheid:isRatifiedBy><dcterms:subject>werk en inkomen</dcterms:subject><dcterms:issued>{m['adopted']}</dcterms:issued></owmsmantel>")
w(f"    <cvdripm><overheidrg:inwerkingtredingDatum>{m['in_force']}</overheidrg:inwerkingtredingDatum><overheidrg:betreft>Nieuwe regeling</overheidrg:betreft></cvdripm>")
w("  </meta>")
w("  <body>")
w(f"    <intitule>{escape(d['title'])}</intitule>")
w("    <regeling>")
w("      <aanhef><preambule>")
for line in d.get("preamble", []):
    w(f"        <al>{escape(line)}</al>")
w("      </preambule></aanhef>")
w("      <regeling-tekst>")
for c in d["chapters"]:
    w("        <hoofdstuk>")
    w(f"          <kop><label>Hoofdstuk</label><nr>{c['number']}.</nr><titel>{escape(c['title'])}</titel></kop>")
    if c["intro"]:
        w("          <structuurtekst>")
        al(c["intro"], "            ")
        w("          </structuurtekst>")
    for a in c["articles"]:
        w("          <artikel>")
        w(f"            <kop><label>Artikel</label><nr>{a['number']}.</nr><titel>{escape(a['title'])}</titel></kop>")
        for p in a["paragraphs"]:
            ind = "            "
            if p["number"]:
                w(f"{ind}<lid>")
                ind += "  "
                w(f"{ind}<lidnr>{p['number']}.</lidnr>")
            if p["text"]:
                al(p["text"], ind)
            if p["items"]:
                items(p["items"], ind)
            if p.get("tail"):
                al(p["tail"], ind)
            if p["number"]:
                w("            </lid>")
        w("          </artikel>")
    w("        </hoofdstuk>")
w("      </regeling-tekst>")
w("      <regeling-sluiting>")
w("        <slotformulering><al/></slotformulering>")
w("        <ondertekening>")
s = d["signature"]
w(f"          <al>{escape(s['text'])}</al>")
for sg in s.get("signatories", []):
    w(f"          <al>{escape(sg['role'])}</al>")
    w(f"          <al>{escape(sg['name'])}</al>")
w("        </ondertekening>")
w("      </regeling-sluiting>")
w("    </regeling>")
w("    <toelichting>")
w("      <kop><titel>Toelichting</titel></kop>")
w("      <algemene-toelichting>")
w("        <kop><titel>Algemeen</titel></kop>")
blocks(d.get("general_blocks", []), "        ")
w("      </algemene-toelichting>")
w("      <artikelsgewijze-toelichting>")
w("        <kop><titel>Artikelsgewijze toelichting</titel></kop>")
if d.get("explanation_intro"):
    al(d["explanation_intro"], "        ")
for c in d["chapters"]:
    for a in c["articles"]:
        if not a.get("explanation_blocks"):
            continue
        w("        <artikel>")
        w(f"          <kop><label>Artikel</label><nr>{a['number']}.</nr><titel>{escape(a.get('explanation_title') or a['title'])}</titel></kop>")
        blocks(a["explanation_blocks"], "          ")
        w("        </artikel>")
w("      </artikelsgewijze-toelichting>")
w("    </toelichting>")
w("  </body>")
w("</cvdr>")
print("\n".join(out))
