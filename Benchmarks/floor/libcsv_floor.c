/*
 * The floor of the ingest benchmark: parse CSV files with libcsv and do nothing with the fields.
 *
 * Same settings as the awareness reader (Sources/Ingest/CSV): strict mode (CSV_STRICT | CSV_STRICT_FINI),
 * 1 MiB read blocks, single-threaded. The field callback is empty; the record callback only counts
 * records so that the run can be checked against the generator's row count (printed on stderr).
 *
 * Build: gcc -O2 -o libcsv_floor libcsv_floor.c -lcsv
 * Usage: libcsv_floor FILE...
 */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { BLOCK_SIZE = 1 << 20 };

static void on_field(void *field, size_t length, void *context) {
    (void)field;
    (void)length;
    (void)context;
}

static void on_record(int terminator, void *context) {
    (void)terminator;
    ++*(unsigned long long *)context;
}

/* Parses one file; returns 0 on success, 1 on a parse or I/O error (reported on stderr). */
static int parse_file(const char *path, char *block) {
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        fprintf(stderr, "error: %s: csv_init failed\n", path);
        return 1;
    }
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "error: %s: %s\n", path, strerror(errno));
        csv_free(&parser);
        return 1;
    }
    unsigned long long records = 0;
    unsigned long long bytes = 0;
    int status = 0;
    for (;;) {
        ssize_t count = read(fd, block, BLOCK_SIZE);
        if (count < 0) {
            if (errno == EINTR) continue;
            fprintf(stderr, "error: %s: %s\n", path, strerror(errno));
            status = 1;
            break;
        }
        if (count == 0) break;
        if (csv_parse(&parser, block, (size_t)count, on_field, on_record, &records) != (size_t)count) {
            fprintf(stderr, "error: %s: in the block starting at byte %llu: %s\n", path, bytes,
                    csv_strerror(csv_error(&parser)));
            status = 1;
            break;
        }
        bytes += (unsigned long long)count;
    }
    if (status == 0 && csv_fini(&parser, on_field, on_record, &records) != 0) {
        fprintf(stderr, "error: %s: at end of file: %s\n", path, csv_strerror(csv_error(&parser)));
        status = 1;
    }
    close(fd);
    csv_free(&parser);
    if (status == 0) fprintf(stderr, "%s: %llu records (header included), %llu bytes\n", path, records, bytes);
    return status;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE...\n", argv[0]);
        return 2;
    }
    char *block = malloc(BLOCK_SIZE);
    if (block == NULL) {
        fprintf(stderr, "error: out of memory\n");
        return 3;
    }
    int status = 0;
    for (int index = 1; index < argc; ++index) status |= parse_file(argv[index], block);
    free(block);
    return status;
}
