/** The {@code quargo} command line: argo's verbs against a server over HTTP only (DESIGN §1). */
package io.quargo.cli;
