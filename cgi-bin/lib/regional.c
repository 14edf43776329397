/*
 * The regional report of the Secretariat from the completion-records files
 * the member countries send: each file is checked against the schema
 * (xslt/completion-records.xsd) and only its issuer, filters and summary
 * are kept, so that the report never needs the records themselves.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bsd/string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "rcm.h"

static xmlSchemaPtr	 schema;

/* Compiles the schema once; 0 when it cannot be read. */
int
regional_init(void)
{
	xmlSchemaParserCtxtPtr	 pc;
	char			*path;

	path = xasprintf("%s/completion-records.xsd", cfg.xslt_dir);
	pc = xmlSchemaNewParserCtxt(path);
	free(path);
	if (pc == NULL)
		return 0;
	schema = xmlSchemaParse(pc);
	xmlSchemaFreeParserCtxt(pc);
	return schema != NULL;
}

struct first_error {
	int	 line;
	char	 msg[256];
};

static void
keep_first_error(void *arg, xmlErrorPtr e)
{
	struct first_error	*fe = arg;
	size_t			 n;

	if (fe->msg[0] != '\0' || e == NULL || e->message == NULL)
		return;
	fe->line = e->line;
	strlcpy(fe->msg, e->message, sizeof(fe->msg));
	/* libxml2 ends its messages with a newline. */
	if ((n = strlen(fe->msg)) > 0 && fe->msg[n - 1] == '\n')
		fe->msg[n - 1] = '\0';
}

/*
 * Parses and validates one file and appends its summary to reports.
 * Returns NULL, or why the file was refused ("line N: message").
 */
char *
regional_add(xmlNodePtr reports, const char *data, size_t len)
{
	struct first_error	 fe;
	xmlParserCtxtPtr	 pc;
	xmlSchemaValidCtxtPtr	 vc;
	xmlDocPtr		 doc;
	xmlNodePtr		 root, keep, n;
	int			 rc;

	memset(&fe, 0, sizeof(fe));
	if (schema == NULL)
		return xstrdup("the schema is not loaded");
	if ((pc = xmlNewParserCtxt()) == NULL)
		return xstrdup("out of memory");
	xmlSetStructuredErrorFunc(&fe, keep_first_error);
	/* No network, no entities, no DTDs: the file is untrusted. */
	doc = xmlCtxtReadMemory(pc, data, (int)len, "upload.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlFreeParserCtxt(pc);
	if (doc == NULL) {
		xmlSetStructuredErrorFunc(NULL, NULL);
		return fe.msg[0] != '\0' ? xasprintf("line %d: %s", fe.line,
		    fe.msg) : xstrdup("not an XML file");
	}
	vc = xmlSchemaNewValidCtxt(schema);
	xmlSchemaSetValidStructuredErrors(vc, keep_first_error, &fe);
	rc = xmlSchemaValidateDoc(vc, doc);
	xmlSchemaFreeValidCtxt(vc);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (rc != 0) {
		xmlFreeDoc(doc);
		return fe.msg[0] != '\0' ? xasprintf("line %d: %s", fe.line,
		    fe.msg) : xstrdup("not valid completion records");
	}
	root = xmlDocGetRootElement(doc);
	keep = xmlDocCopyNode(root, reports->doc, 2);	/* attributes only */
	for (n = root->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    (xmlStrEqual(n->name, BAD_CAST "issuer") ||
		    xmlStrEqual(n->name, BAD_CAST "filters") ||
		    xmlStrEqual(n->name, BAD_CAST "summary")))
			xmlAddChild(keep, xmlDocCopyNode(n, reports->doc, 1));
	xmlAddChild(reports, keep);
	xmlFreeDoc(doc);
	return NULL;
}
