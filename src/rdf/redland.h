/* SPDX-License-Identifier: MIT */
/* redland.h: librdf, loaded when a run first needs it.
 *
 * Linking librdf costs every start 6 ms of the dynamic loader's time (it
 * brings Rasqal, Berkeley DB and more), though most runs never call it:
 * N-Quads, N-Triples and streamed Turtle have their own writer, and the
 * lexicon comes from its compiled cache.  The files that use librdf
 * (emit/rdf.c, lexicon/lexicon.c) or its Raptor parsers (corpus/nquads.c)
 * include this header after <redland.h>;
 * its macros send each librdf call through a table that
 * nkg_redland_load() fills with dlopen() and dlsym() the first time it is
 * called.  Call it before librdf_new_world().
 */
#ifndef NKG_REDLAND_H
#define NKG_REDLAND_H

#include <redland.h>
#include <stddef.h>

#define NKG_REDLAND_FUNCS(X)                                                   \
	X(librdf_free_memory)                                                  \
	X(librdf_free_model)                                                   \
	X(librdf_free_node)                                                    \
	X(librdf_free_parser)                                                  \
	X(librdf_free_serializer)                                              \
	X(librdf_free_statement)                                               \
	X(librdf_free_storage)                                                 \
	X(librdf_free_stream)                                                  \
	X(librdf_free_uri)                                                     \
	X(librdf_free_world)                                                   \
	X(librdf_log_message_level)                                            \
	X(librdf_log_message_locator)                                          \
	X(librdf_log_message_message)                                          \
	X(librdf_model_add_statement)                                          \
	X(librdf_new_model)                                                    \
	X(librdf_new_node_from_literal)                                        \
	X(librdf_new_node_from_typed_literal)                                  \
	X(librdf_new_node_from_uri_string)                                     \
	X(librdf_new_parser)                                                   \
	X(librdf_new_serializer)                                               \
	X(librdf_new_statement_from_nodes)                                     \
	X(librdf_new_storage)                                                  \
	X(librdf_new_uri)                                                      \
	X(librdf_new_uri_from_filename)                                        \
	X(librdf_new_world)                                                    \
	X(librdf_node_get_blank_identifier)                                    \
	X(librdf_node_get_literal_value)                                       \
	X(librdf_node_get_uri)                                                 \
	X(librdf_node_is_blank)                                                \
	X(librdf_node_is_resource)                                             \
	X(librdf_parser_parse_as_stream)                                       \
	X(librdf_serializer_serialize_model_to_counted_string)                 \
	X(librdf_serializer_set_namespace)                                     \
	X(librdf_statement_get_object)                                         \
	X(librdf_statement_get_predicate)                                      \
	X(librdf_statement_get_subject)                                        \
	X(librdf_stream_end)                                                   \
	X(librdf_stream_get_object)                                            \
	X(librdf_stream_next)                                                  \
	X(librdf_uri_as_string)                                                \
	X(librdf_world_open)                                                   \
	X(librdf_world_set_logger)                                             \
	X(raptor_locator_line)                                                 \
	X(raptor_free_parser)                                                  \
	X(raptor_free_uri)                                                     \
	X(raptor_free_world)                                                   \
	X(raptor_new_parser)                                                   \
	X(raptor_new_uri)                                                      \
	X(raptor_new_world_internal)                                           \
	X(raptor_parser_get_locator)                                           \
	X(raptor_parser_parse_chunk)                                           \
	X(raptor_parser_parse_start)                                           \
	X(raptor_parser_set_statement_handler)                                 \
	X(raptor_uri_as_string)                                                \
	X(raptor_world_open)                                                   \
	X(raptor_world_set_log_handler)

typedef struct {
#define NKG_REDLAND_MEMBER(f) __typeof__(f) *f;
	NKG_REDLAND_FUNCS(NKG_REDLAND_MEMBER)
#undef NKG_REDLAND_MEMBER
} NkgRedland;

extern NkgRedland nkg_redland;

/* Loads librdf once; 0 on success, else -1 with what is missing (and
 * the package to install) in MSG. */
int nkg_redland_load(char *msg, size_t n);

#ifndef NKG_REDLAND_IMPL
#define librdf_free_memory (nkg_redland.librdf_free_memory)
#define librdf_free_model (nkg_redland.librdf_free_model)
#define librdf_free_node (nkg_redland.librdf_free_node)
#define librdf_free_parser (nkg_redland.librdf_free_parser)
#define librdf_free_serializer (nkg_redland.librdf_free_serializer)
#define librdf_free_statement (nkg_redland.librdf_free_statement)
#define librdf_free_storage (nkg_redland.librdf_free_storage)
#define librdf_free_stream (nkg_redland.librdf_free_stream)
#define librdf_free_uri (nkg_redland.librdf_free_uri)
#define librdf_free_world (nkg_redland.librdf_free_world)
#define librdf_log_message_level (nkg_redland.librdf_log_message_level)
#define librdf_log_message_locator (nkg_redland.librdf_log_message_locator)
#define librdf_log_message_message (nkg_redland.librdf_log_message_message)
#define librdf_model_add_statement (nkg_redland.librdf_model_add_statement)
#define librdf_new_model (nkg_redland.librdf_new_model)
#define librdf_new_node_from_literal (nkg_redland.librdf_new_node_from_literal)
#define librdf_new_node_from_typed_literal                                     \
	(nkg_redland.librdf_new_node_from_typed_literal)
#define librdf_new_node_from_uri_string                                        \
	(nkg_redland.librdf_new_node_from_uri_string)
#define librdf_new_parser (nkg_redland.librdf_new_parser)
#define librdf_new_serializer (nkg_redland.librdf_new_serializer)
#define librdf_new_statement_from_nodes                                        \
	(nkg_redland.librdf_new_statement_from_nodes)
#define librdf_new_storage (nkg_redland.librdf_new_storage)
#define librdf_new_uri (nkg_redland.librdf_new_uri)
#define librdf_new_uri_from_filename (nkg_redland.librdf_new_uri_from_filename)
#define librdf_new_world (nkg_redland.librdf_new_world)
#define librdf_node_get_blank_identifier                                       \
	(nkg_redland.librdf_node_get_blank_identifier)
#define librdf_node_get_literal_value                                          \
	(nkg_redland.librdf_node_get_literal_value)
#define librdf_node_get_uri (nkg_redland.librdf_node_get_uri)
#define librdf_node_is_blank (nkg_redland.librdf_node_is_blank)
#define librdf_node_is_resource (nkg_redland.librdf_node_is_resource)
#define librdf_parser_parse_as_stream                                          \
	(nkg_redland.librdf_parser_parse_as_stream)
#define librdf_serializer_serialize_model_to_counted_string                    \
	(nkg_redland.librdf_serializer_serialize_model_to_counted_string)
#define librdf_serializer_set_namespace                                        \
	(nkg_redland.librdf_serializer_set_namespace)
#define librdf_statement_get_object (nkg_redland.librdf_statement_get_object)
#define librdf_statement_get_predicate                                         \
	(nkg_redland.librdf_statement_get_predicate)
#define librdf_statement_get_subject (nkg_redland.librdf_statement_get_subject)
#define librdf_stream_end (nkg_redland.librdf_stream_end)
#define librdf_stream_get_object (nkg_redland.librdf_stream_get_object)
#define librdf_stream_next (nkg_redland.librdf_stream_next)
#define librdf_uri_as_string (nkg_redland.librdf_uri_as_string)
#define librdf_world_open (nkg_redland.librdf_world_open)
#define librdf_world_set_logger (nkg_redland.librdf_world_set_logger)
#define raptor_locator_line (nkg_redland.raptor_locator_line)
#define raptor_free_parser (nkg_redland.raptor_free_parser)
#define raptor_free_uri (nkg_redland.raptor_free_uri)
#define raptor_free_world (nkg_redland.raptor_free_world)
#define raptor_new_parser (nkg_redland.raptor_new_parser)
#define raptor_new_uri (nkg_redland.raptor_new_uri)
#define raptor_new_world_internal (nkg_redland.raptor_new_world_internal)
#define raptor_parser_get_locator (nkg_redland.raptor_parser_get_locator)
#define raptor_parser_parse_chunk (nkg_redland.raptor_parser_parse_chunk)
#define raptor_parser_parse_start (nkg_redland.raptor_parser_parse_start)
#define raptor_parser_set_statement_handler                                    \
	(nkg_redland.raptor_parser_set_statement_handler)
#define raptor_uri_as_string (nkg_redland.raptor_uri_as_string)
#define raptor_world_open (nkg_redland.raptor_world_open)
#define raptor_world_set_log_handler (nkg_redland.raptor_world_set_log_handler)
#endif

#endif
