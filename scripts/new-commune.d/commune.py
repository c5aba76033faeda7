"""scripts/new-commune: the files an operator needs for one more commune.
Standard library only. See the script's header for what each file is."""
import argparse
import ipaddress
import json
import os
import re
import secrets
import sys
from pathlib import Path

SLUG = re.compile(r"^[a-z][a-z0-9-]{1,38}[a-z0-9]$")


def fail(message):
    sys.exit(f"scripts/new-commune: {message}")


def toml_string(value):
    # A TOML basic string: JSON's escapes are valid in it.
    return json.dumps(value, ensure_ascii=False)


def yaml_string(value):
    # A YAML double-quoted scalar: JSON's escapes are valid in it.
    return json.dumps(value, ensure_ascii=False)


def options(root, caller, argv):
    parser = argparse.ArgumentParser(prog="scripts/new-commune")
    parser.add_argument("slug")
    parser.add_argument("--out")
    parser.add_argument("--base-url", default="")
    parser.add_argument("--database", choices=["turso", "file"], default="turso")
    parser.add_argument("--turso-url")
    parser.add_argument("--image", default="ghcr.io/<organisation>/palabre:0.1.0")
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--trusted-proxies", default="")
    args = parser.parse_args(argv)
    if not SLUG.match(args.slug) or "--" in args.slug:
        fail(f"{args.slug!r} is not a slug: 3 to 40 lowercase letters, digits and single "
             "dashes, starting with a letter (it names the app, the database and the "
             "Kubernetes objects)")
    if args.base_url and not re.match(r"^https?://[^/\s?#]+$", args.base_url):
        fail(f"--base-url {args.base_url!r}: the site's origin, like "
             "https://participer.valbrune.fr (scheme and host, no path)")
    if args.turso_url and not re.match(r"^(libsql|https)://[^/\s?#]+$", args.turso_url):
        fail(f"--turso-url {args.turso_url!r}: a database url, like "
             "https://palabre-valbrune-acme.turso.io (or libsql://...)")
    if args.turso_url and args.database != "turso":
        fail("--turso-url is for --database turso")
    proxies = [p for p in re.split(r"[,\s]+", args.trusted_proxies) if p]
    for proxy in proxies:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            fail(f"--trusted-proxies: {proxy!r} is not an address or a CIDR like 10.244.0.0/16 "
                 "(the commune's ingress; docs/DEPLOY.md, \"The client's address\")")
    args.trusted_proxies = ", ".join(proxies)
    if not 1 <= args.replicas <= 100:
        fail("--replicas: from 1 to 100")
    out = Path(args.out).expanduser() if args.out else Path.home() / "palabre-communes" / args.slug
    if not out.is_absolute():
        out = Path(caller) / out
    out = Path(os.path.abspath(out))
    repo = Path(os.path.abspath(root))
    if out == repo or repo in out.parents:
        fail(f"{out} is inside the repository; the files hold secrets, so write them "
             "elsewhere (--out)")
    if out.exists():
        fail(f"{out} exists already; choose another --out (a commune's session key is "
             "never overwritten)")
    args.out = out
    args.repo = repo
    return args


def runtime_config(args, token):
    if args.database == "file":
        path = args.out / "data" / "sqlite_db.db"
        return (
            f"# The database of {args.slug}: a local SQLite file (one server only).\n"
            "[sqlite_database.default]\n"
            'type = "spin"\n'
            f"path = {toml_string(str(path))}\n"
        )
    # Turso shows libsql://; https:// is the same database over HTTP, and every
    # Spin version takes it.
    url = args.turso_url or f"https://palabre-{args.slug}-<organisation>.turso.io"
    if url.startswith("libsql://"):
        url = "https://" + url[len("libsql://"):]
    return (
        f"# The database of {args.slug}: libSQL/Turso (turso db create palabre-{args.slug}).\n"
        "# The token is a secret: keep this file out of any repository.\n"
        "[sqlite_database.default]\n"
        'type = "libsql"\n'
        f"url = {toml_string(url)}\n"
        f"token = {toml_string(token)}\n"
    )


def manifest(args):
    """The repository's spin.toml, named after the commune and pointing at the
    checkout's built components; the build sections stay with the repository."""
    text = (args.repo / "spin.toml").read_text(encoding="utf-8")
    text, named = re.subn(r'(?m)^name = "palabre"$', f'name = "palabre-{args.slug}"', text, count=1)
    if not named:
        fail("spin.toml has no `name = \"palabre\"` line to rename")
    text = re.sub(
        r'(?m)^source = "(target/[^"]+)"$',
        lambda m: f"source = {toml_string(str(args.repo / m.group(1)))}",
        text,
    )
    # Drop each [component.<id>.build] table: its command runs in the repository.
    text = re.sub(r"(?ms)^\[component\.[a-z0-9_-]+\.build\]\n.*?(?=^\[|\Z)", "", text)
    header = (
        f"# Palabre for {args.slug}, written by scripts/new-commune from {args.repo}/spin.toml.\n"
        "# Build first (scripts/build in the repository); write it again after an\n"
        "# upgrade that changes spin.toml.\n"
    )
    return header + text


def spinkube(args, key, config):
    name = f"palabre-{args.slug}"
    indented = "".join(f"    {line}\n" for line in config.splitlines())
    base_url = (
        f"    - name: base_url\n      value: {yaml_string(args.base_url)}\n" if args.base_url else ""
    )
    # The ingress in front of the pods (docs/DEPLOY.md, "The client's address").
    base_url += (
        f"    - name: trusted_proxies\n      value: {yaml_string(args.trusted_proxies)}\n"
        if args.trusted_proxies else ""
    )
    return f"""# Palabre for {args.slug} on Kubernetes with SpinKube (kubectl apply -f spinkube.yaml).
# Holds secrets: apply it, then keep it out of any repository.
apiVersion: v1
kind: Secret
metadata:
  name: {name}
type: Opaque
stringData:
  session_key: {yaml_string(key)}
---
apiVersion: v1
kind: Secret
metadata:
  name: {name}-runtime-config
type: Opaque
stringData:
  runtime-config.toml: |
{indented}---
apiVersion: core.spinkube.dev/v1alpha1
kind: SpinApp
metadata:
  name: {name}
spec:
  image: {yaml_string(args.image)}
  executor: containerd-shim-spin
  replicas: {args.replicas}
  runtimeConfig:
    loadFromSecret: {name}-runtime-config
  variables:
    - name: session_key
      valueFrom:
        secretKeyRef:
          name: {name}
          key: session_key
{base_url}  checks:
    readiness:
      httpGet:
        path: /health
    liveness:
      httpGet:
        path: /health
  # docs/COSTS.md: a commune needs little CPU; memory holds the compiled
  # components and their instances (palabre-host peaked at 649 MiB under the
  # 64-connection benchmark, all six components busy).
  resources:
    limits:
      cpu: "1"
      memory: 768Mi
    requests:
      cpu: 100m
      memory: 256Mi
"""


def fermyon_cloud(args):
    name = f"palabre-{args.slug}"
    base_url = f" \\\n  --variable base_url={args.base_url}" if args.base_url else ""
    if args.trusted_proxies:
        base_url += f" \\\n  --variable trusted_proxies=\"{args.trusted_proxies}\""
    return f"""#!/usr/bin/env bash
# Palabre for {args.slug} on Fermyon Cloud. Run from this directory after
# scripts/build in the repository and `spin cloud login`. Fermyon Cloud gives
# the app its own SQLite database, linked to the label "default"; the
# runtime-config.toml beside this file is for spin up, SpinKube and palabre-host.
set -euo pipefail
cd "$(dirname "$0")"
source ./secrets.env
spin cloud sqlite create {name}
spin cloud deploy --from spin.toml \\
  --variable session_key="$SPIN_VARIABLE_SESSION_KEY"{base_url}
spin cloud link sqlite --app {name} --database {name} default
"""


def readme(args):
    name = f"palabre-{args.slug}"
    turso = args.database == "turso"
    steps = [f"# Palabre for {args.slug}", "",
             f"Written by `scripts/new-commune` from {args.repo}. These files hold secrets",
             "(`secrets.env`, `runtime-config.toml`, `spinkube.yaml`): keep them in your",
             "secret store, never in a repository. docs/DEPLOY.md explains each step.", ""]
    if turso:
        steps += ["## 1. The database (Turso)", "", "```sh",
                  f"turso db create {name}",
                  f"turso db show {name} --url          # the url, if it differs from runtime-config.toml",
                  f"turso db tokens create {name}       # the token: put it in runtime-config.toml",
                  "```", ""]
    else:
        steps += ["## 1. The database", "",
                  f"A local SQLite file, `{args.out / 'data' / 'sqlite_db.db'}`: one server only,",
                  "backed up with scripts/backup (docs/DEPLOY.md).", ""]
    steps += ["## 2. Run it", "", "On a server with Spin (or palabre-host, from the repository):", "", "```sh",
              f"set -a; source {args.out / 'secrets.env'}; set +a",
              f"spin up --from {args.out / 'spin.toml'} --runtime-config-file {args.out / 'runtime-config.toml'}",
              "```", ""]
    if turso:
        steps += ["On Kubernetes with SpinKube (the image is pushed once per version and serves every commune):", "", "```sh",
                  f"spin registry push {args.image} --from {args.repo / 'spin.toml'}   # once per version",
                  f"kubectl apply -f {args.out / 'spinkube.yaml'}",
                  f"kubectl get spinapp {name}",
                  "```", ""]
    steps += ["On Fermyon Cloud: `fermyon-cloud.sh` (if `spin cloud deploy` asks which database",
              f"the label `default` uses, choose `{name}`).", "",
              "## 3. The commune", "",
              "Open the site: `/setup` asks for the commune's name and its first administrator.", ""]
    if not args.trusted_proxies:
        steps += ["`trusted_proxies` is not set: each visitor is the peer of the connection. Behind",
                  "an ingress or a reverse proxy, name it (`--variable trusted_proxies=10.244.0.0/16`),",
                  "or every visitor shares its sign-in and sign-up limits (docs/DEPLOY.md).", ""]
    if not args.base_url:
        steps += ["`base_url` is not set: links in mails take the address each request came",
                  "to. Set it to the site's public origin (`--variable base_url=https://...`).", ""]
    return "\n".join(steps)


def write(path, text, secret=False):
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    fd = os.open(path, flags, 0o600 if secret else 0o644)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    root, caller, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
    args = options(root, caller, argv)
    key = secrets.token_urlsafe(32)
    token = os.environ.get("TURSO_TOKEN", "") or f"<turso db tokens create palabre-{args.slug}>"
    os.makedirs(args.out, mode=0o700)
    config = runtime_config(args, token)
    write(args.out / "secrets.env", f"SPIN_VARIABLE_SESSION_KEY={key}\n", secret=True)
    write(args.out / "runtime-config.toml", config, secret=True)
    write(args.out / "spin.toml", manifest(args))
    if args.database == "turso":
        write(args.out / "spinkube.yaml", spinkube(args, key, config), secret=True)
    write(args.out / "fermyon-cloud.sh", fermyon_cloud(args))
    os.chmod(args.out / "fermyon-cloud.sh", 0o755)
    write(args.out / "README.md", readme(args))
    if args.database == "file":
        os.makedirs(args.out / "data", mode=0o700)
    print(f"{args.out}: the files for palabre-{args.slug}; start with README.md")
    for f in sorted(os.listdir(args.out)):
        print(f"  {f}")


if __name__ == "__main__":
    main()
