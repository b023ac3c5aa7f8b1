#!/bin/sh
# Print the path of a Python >= 3.12 interpreter, or explain what to install.
# Candidates on PATH come first; pyenv shims that are not activated fail to run,
# so pyenv's installed versions are tried next.
for candidate in python3.13 python3.12 python3 \
    $(ls -d "$(pyenv root 2>/dev/null)"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do
  if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then
    "$candidate" -c 'import sys; print(sys.executable)'
    exit 0
  fi
done
echo "error: this guide needs Python 3.12 or newer; install python3.12 (e.g. 'apt-get install python3.12-venv' or 'pyenv install 3.12') and try again" >&2
exit 1
