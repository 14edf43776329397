/*
 * QR codes for certificates, drawn as one SVG path by libqrencode's
 * matrix: the view gets <qr size="N" d="..."/> and the stylesheet wraps it
 * in <svg>.  No image file, no script: it prints and scales cleanly.
 */
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "rcm.h"

/* Adds <qr size=".." d=".."/> encoding text; returns NULL if it cannot. */
xmlNodePtr
view_add_qr(xmlNodePtr parent, const char *text)
{
	QRcode		*qr;
	xmlNodePtr	 n;
	char		*d, *p;
	int		 x, y, w;

	if ((qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1))
	    == NULL)
		return NULL;
	w = qr->width;
	/* One rectangle per horizontal run of dark modules. */
	p = d = xmalloc((size_t)w * (size_t)w * 24 + 1);
	*p = '\0';
	for (y = 0; y < w; y++)
		for (x = 0; x < w; x++) {
			int run;

			if (!(qr->data[y * w + x] & 1))
				continue;
			for (run = 1; x + run < w &&
			    (qr->data[y * w + x + run] & 1); run++)
				continue;
			p += sprintf(p, "M%d,%dh%dv1h-%dz", x + 4, y + 4, run,
			    run);
			x += run - 1;
		}
	n = view_add(parent, "qr", NULL);
	/* A quiet zone of four modules on each side. */
	view_attr_int(n, "size", w + 8);
	view_attr(n, "d", d);
	view_attr(n, "text", text);
	free(d);
	QRcode_free(qr);
	return n;
}
