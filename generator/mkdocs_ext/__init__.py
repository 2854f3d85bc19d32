"""The code MkDocs itself loads while it builds the site: nothing here is called by the generator.

Named in mkdocs.yml, so a plain `mkdocs build` of the docs folder uses them too:
- csp.py (`hooks:`): the Content-Security-Policy's script hashes, checked on every page;
- abbr.py, permalinks.py, leaninline.py, leanblocks.py (`markdown_extensions:`): abbreviations as
  <abbr title>; a permalink (¶) on every paragraph, question and answer of a letter; and, only for
  speed (same HTML), inline patterns and block tests a page cannot match are skipped;
- scrolltables.py (`markdown_extensions:`): every table in a named scroll area the keyboard reaches.

Added by generator/site_build.py to its own MkDocs builds only (not in mkdocs.yml, so MkDocs,
`mkdocs serve` and Zensical build the same site without it):
- share.py: the plugin `SharePlugin` (entry point `vn-brieven-share`): one process's share of a
  parallel build, pages outside the navigation read right before they are written and let go of
  afterwards, and the anchors and links recorded for the cross-share check.
"""
