/**
 * {@code asyncops call} and {@code asyncops wait}: follow a long-running operation of any Azure-style API from the
 * command line, as the seed's author did by hand in Postman, with the client library's rules. Progress on stderr
 * (a live line on a terminal, plain lines otherwise), the final body on stdout, and exit codes a script can test:
 * 0 Succeeded, 1 Failed, 2 Canceled, 3 timed out, 4 anything else (HTTP error, protocol violation, unreachable,
 * bad arguments).
 */
package io.asyncops.cli.follow;
