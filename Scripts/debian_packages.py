"""Reading Debian packages without installing them, for the scripts that take word lists out of them."""
import glob
import io
import os
import re
import subprocess
import sys
import tarfile


def one_package(directory, name):
    """The one NAME_*.deb in the directory (`apt-get download NAME` puts it there)."""
    matches = sorted(glob.glob(os.path.join(directory, name + "_*.deb")))
    if len(matches) != 1:
        sys.exit("%s: expected one %s_*.deb, found %d (apt-get download %s)" % (directory, name, len(matches), name))
    return matches[0]


def package_members(path, wanted):
    """{path: bytes} for the files of a .deb's file system whose path matches one of the `wanted` patterns,
    read with dpkg-deb."""
    tar = subprocess.run(["dpkg-deb", "--fsys-tarfile", path], check=True, capture_output=True).stdout
    found = {}
    with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
        for member in archive.getmembers():
            name = member.name.lstrip("./")
            if member.isfile() and any(re.fullmatch(pattern, name) for pattern in wanted):
                found[name] = archive.extractfile(member).read()
    return found
