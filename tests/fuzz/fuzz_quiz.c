/*
 * libFuzzer harness: any bytes as a stored quiz layout and answers.  A
 * corrupted row must be refused or read safely, never trusted blindly.
 *	make fuzz
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rcm.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct quiz_option	 o[4] = { { "a", 1 }, { "b", 0 },
	    { "c", 0 }, { "d", 1 } };
	static struct quiz_question	 q[3] = {
		{ "one", 0, o, 2, "" }, { "two", 1, o, 4, "" },
		{ "three", 0, o, 3, "" } };
	struct module_text		 t;
	struct quiz_layout		 l;
	uint32_t			 sel[QUIZ_MAXQ];
	char				*s, *enc;
	int				 max;

	memset(&t, 0, sizeof(t));
	t.present = 1;
	t.questions = q;
	t.questionsz = 3;
	s = xstrndup((const char *)data, size);
	if (quiz_layout_decode(s, &t, &l)) {
		enc = quiz_layout_encode(&l);
		free(enc);
	}
	quiz_answers_decode(s, sel);
	(void)quiz_score(&t, sel, &max);
	free(s);
	return 0;
}
