/*
 * Who may see which country.  A focal point sees their own country and
 * nothing else; the Secretariat sees every country in aggregate, without
 * personal data; an administrator sees everything.  The result is bound
 * into every report query as a parameter (NULL: every country).
 */
#include <string.h>

#include <bsd/string.h>

#include "rcm.h"

/*
 * Fills s for the signed-in user asking for requested (NULL: no country
 * named).  Returns 0, or the HTTP status to refuse with: 403 for a role
 * without reports or a focal point naming another country.
 */
int
scope_for(const struct req *req, const char *requested, struct scope *s)
{
	const struct session	*u = req->session;

	memset(s, 0, sizeof(*s));
	if (u == NULL)
		return 403;
	switch (u->role) {
	case ROLE_FOCAL:
		/* No country on a focal point must never mean "all". */
		if (u->country[0] == '\0')
			return 403;
		if (requested != NULL && strcmp(requested, u->country) != 0)
			return 403;
		strlcpy(s->country_buf, u->country, sizeof(s->country_buf));
		s->country = s->country_buf;
		s->personal = 1;
		return 0;
	case ROLE_SECRETARIAT:
	case ROLE_ADMIN:
		if (requested != NULL) {
			strlcpy(s->country_buf, requested,
			    sizeof(s->country_buf));
			s->country = s->country_buf;
		}
		s->personal = u->role == ROLE_ADMIN;
		return 0;
	default:
		return 403;
	}
}
