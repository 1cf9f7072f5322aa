#!/usr/bin/env bash
# Theme quality on the WoS sample (../shared/datasets/corpora/biblium/wos_dataset.txt.gz):
# the share of the first 60 topic terms that are author keywords (DE) or Keywords Plus (ID)
# of the corpus, and the recall of the 40 most frequent author keywords (among all terms
# found, and among the first 60), for the TF-IDF ranking used before and the VOSviewer
# co-occurrence selection used now. The numbers come from
# Tests/BibliographyTests/ThemeQualityTests.swift, which asserts them.
set -euo pipefail
cd "$(dirname "$0")/.."
THEMES_PRINT=1 ${SWIFT:-swift} test --filter 'ThemeQualityTests' 2>&1 | grep '^themes:'
