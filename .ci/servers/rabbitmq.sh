# RabbitMQ for the tests that need a broker (tests/Mediator.RabbitMQ.Tests). Sourced by ./test.sh.
# ensure_rabbitmq: installs Debian's rabbitmq-server when it is missing, starts it on 127.0.0.1:5672 unless a broker
# already answers there, waits until it is up and exports MEDIATOR_RABBITMQ_URI. stop_rabbitmq stops only a broker this
# run started (and the epmd it left behind).

RABBITMQ_PORT=5672
RABBITMQ_STARTED_PID=""
RABBITMQ_EPMD_WAS_RUNNING=""

rabbitmq_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$RABBITMQ_PORT") 2>/dev/null; }

ensure_rabbitmq() {
  export MEDIATOR_RABBITMQ_URI="amqp://guest:guest@127.0.0.1:$RABBITMQ_PORT/"
  # The node the fault tests restart (rabbitmqctl stop_app / start_app): the one this script starts, and the name an
  # earlier run's broker, still answering, was started under.
  export MEDIATOR_RABBITMQ_NODE="rabbit@localhost"
  if rabbitmq_port_open; then
    echo "rabbitmq: a broker already answers on 127.0.0.1:$RABBITMQ_PORT; using it"
    return 0
  fi
  if ! command -v rabbitmq-server > /dev/null 2>&1 && [ ! -x /usr/sbin/rabbitmq-server ]; then
    echo "rabbitmq: installing Debian's rabbitmq-server"
    ensure_apt_updated || return 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q rabbitmq-server > /dev/null || { echo "rabbitmq: apt-get install failed" >&2; return 1; }
    # The package starts a broker of its own where a service manager runs; this script starts and stops its own.
    if command -v service > /dev/null 2>&1; then service rabbitmq-server stop > /dev/null 2>&1 || true; fi
    command -v rabbitmqctl > /dev/null 2>&1 && rabbitmqctl -q -n rabbit@localhost stop > /dev/null 2>&1 || true
  fi
  pgrep -x epmd > /dev/null 2>&1 && RABBITMQ_EPMD_WAS_RUNNING=1
  echo "rabbitmq: starting on 127.0.0.1:$RABBITMQ_PORT"
  RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$RABBITMQ_PORT RABBITMQ_NODENAME=rabbit@localhost \
    RABBITMQ_DIST_PORT=25672 ERL_EPMD_ADDRESS=127.0.0.1 \
    rabbitmq-server > /tmp/mediator-rabbitmq.log 2>&1 &
  RABBITMQ_STARTED_PID=$!
  # The AMQP listener opens last in the broker's boot; then await_startup confirms the node finished booting.
  local waited=0
  until rabbitmq_port_open; do
    if [ "$waited" -ge 900 ] || ! kill -0 "$RABBITMQ_STARTED_PID" 2> /dev/null; then
      echo "rabbitmq: did not start within 90 s; the log:" >&2
      tail -n 30 /tmp/mediator-rabbitmq.log >&2
      return 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  rabbitmqctl -q -n rabbit@localhost await_startup > /dev/null 2>&1 || true
  echo "rabbitmq: up after $((waited / 10)) s"
}

stop_rabbitmq() {
  [ -n "$RABBITMQ_STARTED_PID" ] || return 0
  echo "rabbitmq: stopping the broker this run started"
  rabbitmqctl -q -n rabbit@localhost stop > /dev/null 2>&1 || kill "$RABBITMQ_STARTED_PID" 2> /dev/null
  wait "$RABBITMQ_STARTED_PID" 2> /dev/null
  # The broker leaves the Erlang port mapper running; end it, unless it was running before this run.
  [ -n "$RABBITMQ_EPMD_WAS_RUNNING" ] || epmd -kill > /dev/null 2>&1 || true
  RABBITMQ_STARTED_PID=""
}
