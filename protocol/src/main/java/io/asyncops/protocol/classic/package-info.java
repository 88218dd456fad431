/**
 * Classic Service Management (XML) wire types: the BizTalk Services {@code <OperationStatus>}, the generic
 * {@code <Operation>} status document and the {@code <Error>} body, plus a hardened XML mapper.
 *
 * <p>Every XML reader made here has DTDs and external entities switched off.
 */
package io.asyncops.protocol.classic;
