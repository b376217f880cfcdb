"""Copy the shipped sample corpus out of ../shared/data (run once by a developer, output committed).

Selection (all files copied byte for byte):
- the nota of 27 March 2026;
- every motie of dossiers 32317 (JBZ-Raad) and 19637 (Vreemdelingenbeleid) in the 2023-2025
  folder, with its officiële-publicatie XML;
- every 2022-2023 motie with votes whose subject or dossier title mentions asiel or migratie;
- the Document metadata pages that mention dossier 32317 or 19637;
- a handful of Kamervragen PDFs, the ParlaMint debate and Handelingen sitting 70 of 2017-2018.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

DOSSIER_RE = re.compile(r"^kst-(32317|19637)-")
TOPIC_RE = re.compile(r"asiel|migratie", re.IGNORECASE)
KAMERVRAGEN = 6


def copy(source: Path, target: Path) -> int:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return source.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("corpus"))
    args = parser.parse_args()
    data: Path = args.data
    out: Path = args.out
    odata = data / "tk-odata"
    total = 0
    counts: dict[str, int] = {}

    for path in sorted((data / "nota").glob("*")):
        total += copy(path, out / "nota" / path.name)
        counts["nota"] = counts.get("nota", 0) + 1

    for path in sorted((odata / "moties-met-documenten-2023-2025").glob("*.json")):
        zaak = json.loads(path.read_text(encoding="utf-8"))
        for document in zaak.get("Document") or []:
            version = document.get("HuidigeDocumentVersie") or {}
            if not DOSSIER_RE.match(str(version.get("ExterneIdentifier") or "")):
                continue
            total += copy(path, out / "moties" / "zaken" / path.name)
            counts["zaken"] = counts.get("zaken", 0) + 1
            for publicatie in version.get("DocumentPublicatie") or []:
                xml = data / "officiele-publicaties" / f"{publicatie.get('Id')}.xml"
                if xml.is_file():
                    total += copy(xml, out / "moties" / "teksten" / xml.name)
                    counts["teksten"] = counts.get("teksten", 0) + 1

    for path in sorted((odata / "moties-met-stemmingen-2022-2023").rglob("*.json")):
        zaak = json.loads(path.read_text(encoding="utf-8"))
        if TOPIC_RE.search(f"{zaak.get('Onderwerp')} {zaak.get('Titel')}"):
            total += copy(path, out / "moties" / "stemmingen" / path.name)
            counts["stemmingen"] = counts.get("stemmingen", 0) + 1

    for path in sorted((odata / "documenten").glob("*.json")):
        text = path.read_text(encoding="utf-8")
        if "Kamerstuk 32317" in text or "Kamerstuk 19637" in text:
            total += copy(path, out / "documenten" / path.name)
            counts["documentpagina's"] = counts.get("documentpagina's", 0) + 1

    for path in sorted((data / "kamervragen").glob("*.pdf"))[:KAMERVRAGEN]:
        total += copy(path, out / "kamervragen" / path.name)
    counts["kamervragen"] = KAMERVRAGEN

    for path in sorted((data / "handelingen").glob("h-tk-20172018-70-*.xml")):
        total += copy(path, out / "handelingen" / path.name)
        counts["handelingen"] = counts.get("handelingen", 0) + 1
    for path in sorted((data / "handelingen").glob("ParlaMint-*.xml")):
        total += copy(path, out / "handelingen" / path.name)
        counts["parlamint"] = counts.get("parlamint", 0) + 1

    print(json.dumps(counts, indent=2, ensure_ascii=False))
    print(f"{total / 1048576:.1f} MB in {out}")


if __name__ == "__main__":
    main()
