"""Fails when a locked dependency needs a newer Rust than its crate declares.

    python3 .ci/locked_rust_versions.py MANIFEST...

For each Cargo.toml, `cargo metadata --locked` lists the packages its lock
file holds, each with the `rust-version` it declares (if any). A package
that declares a newer one than the crate's own would break the crate's
promise: the crate's set-up commands would fail on the Rust it names. No
toolchain of that version is needed to see it. Exit status 1 lists them.
"""

import json
import subprocess
import sys


def version_key(version):
    """A rust-version as a tuple that compares in order.

    >>> version_key("1.85") < version_key("1.87.0") < version_key("1.88")
    True
    >>> version_key("1.85") == version_key("1.85.0")
    True
    """
    parts = [int(part) for part in version.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def too_new(declared, packages):
    """The packages (name, version, rust_version) that need a newer Rust than ``declared``.

    >>> packages = [("a", "1.0.0", "1.85.0"), ("b", "2.1.0", "1.88"), ("c", "0.1.0", None)]
    >>> too_new("1.85", packages)
    [('b', '2.1.0', '1.88')]
    >>> too_new("1.88", packages)
    []
    """
    return [
        package
        for package in packages
        if package[2] is not None and version_key(package[2]) > version_key(declared)
    ]


def check(manifest):
    """Whether the lock file of ``manifest`` builds on its declared rust-version; says why."""
    metadata = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--locked", "--manifest-path", manifest],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    root = metadata["resolve"]["root"]
    crate = next(package for package in metadata["packages"] if package["id"] == root)
    declared = crate.get("rust_version")
    if declared is None:
        print(f"{manifest}: {crate['name']} declares no rust-version to hold its lock file to")
        return False
    packages = [
        (package["name"], package["version"], package.get("rust_version"))
        for package in metadata["packages"]
        if package["id"] != root
    ]
    newer = too_new(declared, packages)
    for name, version, needs in newer:
        print(f"{manifest}: {name} {version} needs Rust {needs}, newer than {crate['name']}'s {declared}")
    if not newer:
        print(f"{manifest}: all {len(packages)} locked packages build on Rust {declared}")
    return not newer


if __name__ == "__main__":
    results = [check(manifest) for manifest in sys.argv[1:]]
    sys.exit(0 if results and all(results) else 1)
