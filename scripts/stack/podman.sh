# Shared settings of the stack scripts (sourced). Podman as it runs on these machines: root, runc,
# cgroupfs and explicit ulimits (crun and the default ulimits fail here), all in a containers.conf.
STACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STACK_STATE="${STACK_STATE:-$STACK_DIR/.stack}"
STACK_BASE_IMAGE="${STACK_BASE_IMAGE:-localhost/movie-generator/node:20-bookworm}"
mkdir -p "$STACK_STATE"
export CONTAINERS_CONF="$STACK_STATE/containers.conf"
cat >"$CONTAINERS_CONF" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF

pod() { nice -n 15 podman "$@"; }
