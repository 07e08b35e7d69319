"""Vendor YASGUI (the SPARQL editor of ``armedkg serve``'s query page) into queries/assets/.

Fetches the npm package ``@zazuko/yasgui`` (MIT) from the npm registry with ``npm pack`` and
copies its built ``yasgui.min.js`` and ``yasgui.min.css`` (without their source-map comment), so
that the page needs nothing from the network at run time. Run by a maintainer to update the
committed copy; needs npm:

    python scripts/vendor_yasgui.py            # the version below
    python scripts/vendor_yasgui.py PATH.tgz   # or a tarball already downloaded
"""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE, VERSION = "@zazuko/yasgui", "4.6.2"
ASSETS = Path(__file__).resolve().parents[1] / "queries" / "assets"
FILES = ("yasgui.min.js", "yasgui.min.css")
LICENCE = f"""YASGUI ({PACKAGE} {VERSION}, https://github.com/rdfjs/Yasgui), vendored by scripts/vendor_yasgui.py
as queries/assets/yasgui.min.js and queries/assets/yasgui.min.css.

The MIT License (MIT)

Copyright (c) Triply B.V. and the Yasgui contributors (Zazuko GmbH)

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def main(tarball: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        if tarball is None:
            out = subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=tmp, check=True, capture_output=True, text=True)
            tarball = str(Path(tmp) / out.stdout.strip().splitlines()[-1])
        with tarfile.open(tarball) as archive:
            for name in FILES:
                text = archive.extractfile(f"package/build/{name}").read().decode("utf-8")
                text = re.sub(r"\n?/[/*]# sourceMappingURL=\S+(\s*\*/)?\s*$", "\n", text)
                (ASSETS / name).write_text(text, encoding="utf-8")
                print(f"wrote {ASSETS / name} ({len(text) // 1024} kB)")
    (ASSETS / "yasgui.LICENSE.txt").write_text(LICENCE, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
