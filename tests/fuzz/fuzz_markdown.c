/*
 * libFuzzer harness: any bytes as lesson markdown.  The output must be
 * produced without crashing and must parse as well-formed XML (the view
 * layer relies on it).
 *	make fuzz
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "rcm.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*html, *doc;
	xmlDocPtr	 x;

	if (size > 64 * 1024 || !valid_utf8((const char *)data, size))
		return 0;
	html = markdown_to_xhtml((const char *)data, size);
	doc = xasprintf("<x>%s</x>", html);
	x = xmlReadMemory(doc, (int)strlen(doc), NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (x == NULL)
		abort();
	xmlFreeDoc(x);
	free(doc);
	free(html);
	return 0;
}
