/*
 * libFuzzer harness: any bytes as an uploaded roster.  roster_parse must
 * never crash, leak or read out of bounds, whatever a spreadsheet wrote.
 *	make fuzz
 */
#include <stddef.h>
#include <stdint.h>

#include "rcm.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct roster	 r;

	roster_parse((const char *)data, size, "CR", &r);
	roster_free(&r);
	return 0;
}
