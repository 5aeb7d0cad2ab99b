#include "RecordBatch.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

int awareness_record_batch_init(struct awareness_record_batch *batch, const void *parser) {
    memset(batch, 0, sizeof *batch);
    batch->parser = parser;
    batch->byte_capacity = 1 << 16;
    batch->field_capacity = 1 << 12;
    batch->record_capacity = 1 << 10;
    batch->bytes = malloc(batch->byte_capacity);
    batch->field_ends = malloc(batch->field_capacity * sizeof *batch->field_ends);
    batch->records = malloc(batch->record_capacity * sizeof *batch->records);
    if (batch->bytes == NULL || batch->field_ends == NULL || batch->records == NULL) {
        awareness_record_batch_free(batch);
        batch->out_of_memory = 1;
        return -1;
    }
    return 0;
}

void awareness_record_batch_free(struct awareness_record_batch *batch) {
    free(batch->bytes);
    free(batch->field_ends);
    free(batch->records);
    batch->bytes = NULL;
    batch->field_ends = NULL;
    batch->records = NULL;
    batch->byte_count = batch->byte_capacity = 0;
    batch->field_count = batch->field_capacity = 0;
    batch->record_count = batch->record_capacity = 0;
}

// Doubles `*capacity` (of elements of `size` bytes) until it holds `needed`; 0 when memory ran out.
static int grow(void **array, size_t *capacity, size_t needed, size_t size) {
    size_t wanted = *capacity ? *capacity : 16;
    while (wanted < needed) {
        if (wanted > ((size_t)-1) / 2 / size) return 0;
        wanted *= 2;
    }
    void *grown = realloc(*array, wanted * size);
    if (grown == NULL) return 0;
    *array = grown;
    *capacity = wanted;
    return 1;
}

// Appends a field when there may be no room for it, or it is long: the path `awareness_record_batch_field` leaves
// out so that it stays a leaf function.
__attribute__((noinline)) static void append_field_slowly(
    struct awareness_record_batch *batch, const unsigned char *field, size_t length) {
    if (batch->out_of_memory) return;
    size_t end = batch->byte_count + length;
    if (end < batch->byte_count || end == (size_t)-1) {
        batch->out_of_memory = 1;
        return;
    }
    if (end >= batch->byte_capacity) {
        void *bytes = batch->bytes;
        if (!grow(&bytes, &batch->byte_capacity, end + 1, 1)) {
            batch->out_of_memory = 1;
            return;
        }
        batch->bytes = bytes;
    }
    if (batch->field_count == batch->field_capacity) {
        void *ends = batch->field_ends;
        if (!grow(&ends, &batch->field_capacity, batch->field_count + 1, sizeof *batch->field_ends)) {
            batch->out_of_memory = 1;
            return;
        }
        batch->field_ends = ends;
    }
    // libcsv passes NULL for an empty field only with CSV_EMPTY_IS_NULL, which the reader does not set.
    if (length > 0) memcpy(batch->bytes + batch->byte_count, field, length);
    batch->bytes[end] = 0;
    batch->byte_count = end + 1;
    batch->field_ends[batch->field_count++] = end;
}

void awareness_record_batch_field(void *field, size_t length, void *context) {
    struct awareness_record_batch *batch = context;
    const struct csv_parser *parser = batch->parser;
    size_t end = batch->byte_count + length;
    // Fields are short and libcsv hands them over from the start of its entry buffer, which grows by blocks of 4 KiB:
    // a field of up to 32 bytes is copied as two 16-byte copies, whatever its length, when the entry buffer and the
    // batch's bytes have room for them. The bytes copied past the field are overwritten by its NUL and the next field.
    if (__builtin_expect(length > 32 || end + 32 >= batch->byte_capacity ||
                             batch->field_count == batch->field_capacity || field != parser->entry_buf ||
                             parser->entry_size < 32,
                         0)) {
        append_field_slowly(batch, field, length);
        return;
    }
    unsigned char *to = batch->bytes + batch->byte_count;
    memcpy(to, field, 16);
    memcpy(to + 16, (const unsigned char *)field + 16, 16);
    to[length] = 0;
    batch->byte_count = end + 1;
    batch->field_ends[batch->field_count++] = end;
}

void awareness_record_batch_record(int terminator, void *context) {
    struct awareness_record_batch *batch = context;
    if (batch->record_count == batch->record_capacity) {
        void *records = batch->records;
        if (batch->out_of_memory ||
            !grow(&records, &batch->record_capacity, batch->record_count + 1, sizeof *batch->records)) {
            batch->out_of_memory = 1;
            return;
        }
        batch->records = records;
    }
    batch->records[batch->record_count].field_end = batch->field_count;
    batch->records[batch->record_count].terminator = terminator;
    batch->record_count++;
    batch->line_feed_ends += terminator == '\n';
}

// Above this many bytes, a buffer left empty is shrunk back to its initial size.
#define AWARENESS_TRIM_ABOVE (1 << 20)

int awareness_record_batch_trim(struct awareness_record_batch *batch, void *parser_pointer) {
    struct csv_parser *parser = parser_pointer;
    // libcsv's entry buffer holds the field being parsed; with none under way, libcsv grows it again from nothing
    // (it starts NULL after csv_init), so it can be freed.
    if (parser->entry_pos == 0 && parser->entry_size > AWARENESS_TRIM_ABOVE) {
        parser->free_func(parser->entry_buf);
        parser->entry_buf = NULL;
        parser->entry_size = 0;
    }
    if (batch->byte_capacity > AWARENESS_TRIM_ABOVE && batch->byte_count < (1 << 16)) {
        void *bytes = realloc(batch->bytes, 1 << 16);
        if (bytes == NULL) return -1;
        batch->bytes = bytes;
        batch->byte_capacity = 1 << 16;
    }
    if (batch->field_capacity > AWARENESS_TRIM_ABOVE / sizeof *batch->field_ends && batch->field_count < (1 << 12)) {
        void *ends = realloc(batch->field_ends, (1 << 12) * sizeof *batch->field_ends);
        if (ends == NULL) return -1;
        batch->field_ends = ends;
        batch->field_capacity = 1 << 12;
    }
    return 0;
}

void awareness_record_batch_drop_records(struct awareness_record_batch *batch) {
    size_t kept_from = batch->record_count ? batch->records[batch->record_count - 1].field_end : 0;
    batch->record_count = 0;
    batch->line_feed_ends = 0;
    if (kept_from == 0) return;
    size_t byte_start = batch->field_ends[kept_from - 1] + 1;
    size_t kept_fields = batch->field_count - kept_from;
    for (size_t index = 0; index < kept_fields; index++) {
        batch->field_ends[index] = batch->field_ends[kept_from + index] - byte_start;
    }
    memmove(batch->bytes, batch->bytes + byte_start, batch->byte_count - byte_start);
    batch->byte_count -= byte_start;
    batch->field_count = kept_fields;
}
