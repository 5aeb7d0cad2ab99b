#ifndef AWARENESS_RECORDBATCH_H
#define AWARENESS_RECORDBATCH_H

#include <stddef.h>

// Where libcsv's field and record callbacks put what they are given, so that the reader visits the records of a
// block in one loop after `csv_parse` returns, instead of libcsv calling into Swift once per field.

// The end of one record: the number of fields collected when it ended, and what ended it (a line end, or -1 at the
// end of the input). A line end outside any record (a blank line, the LF of a CRLF) is a record with no fields.
struct awareness_record_end {
    size_t field_end;
    int terminator;
};

// Fields and records collected since the last `awareness_record_batch_drop_records`.
struct awareness_record_batch {
    // The bytes of every field, each followed by a NUL.
    unsigned char *bytes;
    size_t byte_count;
    size_t byte_capacity;
    // For each field, the offset in `bytes` of the NUL that ends it.
    size_t *field_ends;
    size_t field_count;
    size_t field_capacity;
    // The records completed, in order.
    struct awareness_record_end *records;
    size_t record_count;
    size_t record_capacity;
    // How many of the records ended on a line feed (a line feed that is not in a field ends a record).
    size_t line_feed_ends;
    // Set when memory ran out; what the callbacks were given after that is lost.
    int out_of_memory;
    // The libcsv parser (a `struct csv_parser`) whose callbacks these are: a field in its entry buffer may be copied
    // in whole 32-byte loads when the buffer is that long.
    const void *parser;
};

// Allocates the arrays for the callbacks of `parser` (a `struct csv_parser`); returns 0, or -1 when memory ran out
// (the batch is then empty and may be freed).
int awareness_record_batch_init(struct awareness_record_batch *batch, const void *parser);

// Frees the arrays.
void awareness_record_batch_free(struct awareness_record_batch *batch);

// libcsv's field callback (`cb1`), with the batch as its data.
void awareness_record_batch_field(void *field, size_t length, void *batch);

// libcsv's record callback (`cb2`), with the batch as its data.
void awareness_record_batch_record(int terminator, void *batch);

// Forgets the completed records and their fields, moving the fields of a record still being parsed to the front.
void awareness_record_batch_drop_records(struct awareness_record_batch *batch);

// Gives back the memory a long record made the batch and its parser's entry buffer grow to, once nothing is held in
// them: a record of hundreds of megabytes would otherwise keep its size in memory for the rest of the file. Returns
// -1 when memory ran out (the batch is then unusable), 0 otherwise.
int awareness_record_batch_trim(struct awareness_record_batch *batch, void *parser);

#endif
