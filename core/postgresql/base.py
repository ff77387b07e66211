"""PostgreSQL as Django ships it, with a client-side bound on every wait for the server.

A frozen server (SIGSTOP, a stuck host whose kernel still answers TCP) acknowledges every byte
and keepalive probe, so neither TCP keepalives nor `tcp_user_timeout` notice it, and its
`statement_timeout` never fires. Without this bound a query on an open connection would wait
forever and, one request at a time, hold every gunicorn thread."""

import psycopg
from django.db.backends.postgresql import base

# OPTIONS key read here and never passed on to libpq.
WAIT_TIMEOUT_OPTION = "client_wait_timeout"


class BoundedConnection(psycopg.Connection):
    """Gives up on a server that has not answered within `wait_timeout` seconds, and closes
    the connection: it is mid-query, so it can never be used again."""

    wait_timeout = None

    def wait(self, gen, interval=0.1, timeout=None):
        if timeout is not None or not self.wait_timeout:
            return super().wait(gen, interval, timeout)
        try:
            return super().wait(gen, interval, self.wait_timeout)
        # psycopg's own marker for a wait that ran out; a subclass of OperationalError.
        except psycopg.errors._WaitTimeout:
            self.close()
            raise psycopg.OperationalError(
                f"the database server did not answer within {self.wait_timeout} s"
            ) from None


class _Psycopg:
    """psycopg as Django's backend sees it (its errors, its types), connecting with
    BoundedConnection."""

    connect = BoundedConnection.connect

    def __getattr__(self, name):
        return getattr(psycopg, name)


class DatabaseWrapper(base.DatabaseWrapper):
    Database = _Psycopg()

    def get_connection_params(self):
        params = super().get_connection_params()
        params.pop(WAIT_TIMEOUT_OPTION, None)
        return params

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        connection.wait_timeout = self.settings_dict["OPTIONS"].get(WAIT_TIMEOUT_OPTION)
        return connection
