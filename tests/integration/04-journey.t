#!/usr/bin/perl
# The officer's journey, in each language: sign in, read every lesson,
# fail then pass the quiz, get and verify the certificate, sign out; and
# check that the database holds exactly what happened, once.
use strict;
use warnings;
use utf8;
use Test::More;
use Encode qw(decode);
use Digest::SHA qw(sha256_hex);
use RCMTest;

my $module = 'refugee-definition';

# The correct options of each question, from the author's preview.
my $author = RCMTest->new;
$author->login('author@demo.rcm');
my %key;
{
	my $doc = $author->view("/learn/preview/$module");
	my $q = 0;
	for my $qn ($doc->findnodes('//quiz/question')) {
		my $o = 0;
		for my $on ($qn->findnodes('option')) {
			push @{$key{$q}}, $o if ($on->getAttribute('correct') // '') eq 'yes';
			$o++;
		}
		$q++;
	}
}
ok(scalar(keys %key) >= 8, 'the quiz has at least 8 questions');

sub answers {
	my ($doc, $right) = @_;
	my @pairs;
	for my $qn ($doc->findnodes('//question')) {
		my $q = $qn->getAttribute('id');
		my @opts = map { $_->getAttribute('id') } $qn->findnodes('option');
		my %ok = map { $_ => 1 } @{$key{$q}};
		my @pick = $right ? @{$key{$q}} : (grep { !$ok{$_} } @opts)[0];
		push @pairs, answer => "$q-$_" for @pick;
	}
	return @pairs;
}

for my $case (['en', 'officer@demo.rcm'], ['es', 'oficial@demo.rcm']) {
	my ($lang, $email) = @$case;
	my $uid = sql_one("SELECT id FROM users WHERE email = '$email'");
	my $web = RCMTest->new;
	$web->{lang} = $lang;

	is($web->get("/learn/m/$module")->{status}, 303,
	    "$lang: a lesson needs signing in");
	my $r = $web->login($email);
	is($r->{status}, 303, "$lang: signed in");
	# Other tests may have switched this officer's language.
	$web->post('/learn/lang', lang => $lang, next => '/learn/');
	like($r->{headers}{'set-cookie'}, qr/HttpOnly/, "$lang: cookie HttpOnly");
	like($r->{headers}{'set-cookie'}, qr/Secure/, "$lang: cookie Secure");
	like($r->{headers}{'set-cookie'}, qr/SameSite=Lax/, "$lang: cookie SameSite=Lax");

	my $mod = $web->view("/learn/m/$module");
	my @lessons = map { $_->getAttribute('slug') } $mod->findnodes('//lessons/lesson');
	ok(@lessons >= 3, "$lang: the module has lessons");
	is($mod->findvalue('/page/@lang'), $lang, "$lang: page in the officer's language");

	# Read every lesson; the first one twice, as a retried POST would.
	for my $i (0 .. $#lessons) {
		my $path = "/learn/m/$module/$lessons[$i]";
		my $doc = $web->view($path);
		ok(length($doc->findvalue('//lesson/body')) > 2000,
		    "$lang: lesson $lessons[$i] has its text");
		is($web->post($path, csrf => 'wrong' x 9)->{status}, 403,
		    "$lang: a wrong CSRF token is refused") if $i == 0;
		$r = $web->post($path);
		is($r->{status}, 303, "$lang: marked $lessons[$i] as read");
		if ($i == 0) {
			is($web->post($path)->{status}, 303, "$lang: the same POST again");
		}
		my $next = $i < $#lessons ? "/learn/m/$module/$lessons[$i + 1]" :
		    "/learn/m/$module/quiz";
		is($r->{headers}{location}, $next, "$lang: continues to the next step");
	}
	is(sql_one("SELECT COUNT(*) FROM lesson_reads WHERE user_id = $uid AND module_id = '$module'"),
	    scalar @lessons, "$lang: one record per lesson, none twice");
	is(sql_one("SELECT COUNT(*) FROM completions WHERE user_id = $uid"), 0,
	    "$lang: not complete before the quiz");

	# The catalog remembers where the officer is.
	my $cat = $web->view('/learn/');
	is($cat->findvalue("//catalog/module[\@id='$module']/\@status"), 'in-progress',
	    "$lang: module in progress");
	is($cat->findvalue("//catalog/module[\@id='$module']/\@read"), scalar @lessons,
	    "$lang: progress counts every lesson");

	# Fail the quiz once.
	my $quiz = $web->view("/learn/m/$module/quiz");
	my $attempt = $quiz->findvalue('//module/@attempt');
	ok($attempt, "$lang: an attempt is opened");
	is($web->view("/learn/m/$module/quiz")->findvalue('//module/@attempt'), $attempt,
	    "$lang: reloading the quiz keeps the same attempt");
	my $shown = join ',', map { $_->getAttribute('id') } $quiz->findnodes('//question');
	is(sql_one("SELECT layout FROM quiz_attempts WHERE id = $attempt") =~ s/:[^;]*//gr =~ s/;/,/gr,
	    $shown, "$lang: the stored order is the order shown");
	$r = $web->post("/learn/m/$module/quiz", attempt => $attempt, answers($quiz, 0));
	is($r->{status}, 303, "$lang: quiz submitted");
	is($r->{headers}{location}, "/learn/attempt/$attempt", "$lang: to the result");
	my $res = $web->view("/learn/attempt/$attempt");
	is($res->findvalue('//attempt/@passed'), 'no', "$lang: failed");
	is($res->findvalue('//attempt/@score'), 0, "$lang: score 0");
	ok($res->findvalue('count(//question/explanation)') >= 8,
	    "$lang: the result explains every question");
	$r = $web->post("/learn/m/$module/quiz", attempt => $attempt, answers($quiz, 1));
	is($r->{status}, 303, "$lang: the same attempt sent again");
	is($web->view("/learn/attempt/$attempt")->findvalue('//attempt/@passed'), 'no',
	    "$lang: a second submission of an attempt changes nothing");

	# Pass.
	$quiz = $web->view("/learn/m/$module/quiz");
	my $attempt2 = $quiz->findvalue('//module/@attempt');
	isnt($attempt2, $attempt, "$lang: a new attempt");
	$r = $web->post("/learn/m/$module/quiz", attempt => $attempt2, answers($quiz, 1));
	$res = $web->view("/learn/attempt/$attempt2");
	is($res->findvalue('//attempt/@passed'), 'yes', "$lang: passed");
	is($res->findvalue('//attempt/@score'), $res->findvalue('//attempt/@max'),
	    "$lang: full marks");
	my $code = $res->findvalue('//attempt/@certificate');
	like($code, qr/^[0-9A-HJKMNP-TV-Z]{20}$/, "$lang: a certificate code");

	# The certificate and its public verification.
	$r = $web->get("/learn/certificate/$code");
	is($r->{status}, 200, "$lang: certificate page");
	my $cert = $web->view("/learn/certificate/$code");
	like($cert->findvalue('//certificate/qr/@d'), qr/^M\d/, "$lang: QR code drawn");
	is($cert->findvalue('//certificate/url'),
	    base_url() . "/verify/$code", "$lang: QR points at verification");
	my $anon = RCMTest->new;
	$anon->{lang} = $lang;
	my $v = $anon->view("/verify/$code");
	is($v->findvalue('//certificate/@status'), 'valid', "$lang: verification says valid");
	is($v->findvalue('//certificate/name'),
	    sql_one("SELECT full_name FROM users WHERE id = $uid") =~ s/\\n/\n/gr,
	    "$lang: verification shows the name");
	is($v->findvalue('count(//certificate/*[not(self::name or self::module or self::version or self::date)])'),
	    0, "$lang: and nothing more than name, module, version, date");
	unlike($anon->get("/verify/$code.xml")->{content}, qr/\@demo\.rcm|score/,
	    "$lang: no e-mail or score on the public page");
	is($anon->get('/verify/ABCDEFGHJKMNPQRSTVWX')->{status}, 404,
	    "$lang: an unknown code is 404");
	is($web->get("/learn/certificate/ABCDEFGHJKMNPQRSTVWX")->{status}, 404,
	    "$lang: someone else's or unknown certificate is 404");

	my $prog = $web->view('/learn/progress');
	is($prog->findvalue("//modules/module[\@id='$module']/\@status"), 'passed',
	    "$lang: progress shows passed");
	is($prog->findvalue('count(//attempts/attempt)'), 2, "$lang: two attempts listed");

	# Sign out.
	my $token_hash = uc sha256_hex($web->{cookies}{rcm_session});
	is(sql_one("SELECT COUNT(*) FROM sessions WHERE HEX(token_hash) = '$token_hash'"),
	    1, "$lang: the session is stored by its hash");
	$r = $web->post('/learn/logout');
	is($r->{status}, 303, "$lang: signed out");
	is($web->get('/learn/progress')->{status}, 303, "$lang: progress needs signing in again");

	# Exactly what happened, once.
	my $version = $mod->findvalue('//module/@version');
	is(sql_one("SELECT COUNT(*) FROM quiz_attempts WHERE user_id = $uid AND submitted_at IS NOT NULL"),
	    2, "$lang: two submitted attempts");
	is(sql_one("SELECT COUNT(*) FROM quiz_attempts WHERE user_id = $uid AND passed = 1"),
	    1, "$lang: one passed");
	my @c = sql("SELECT version, score, attempts, certificate, lang FROM completions WHERE user_id = $uid");
	is(scalar @c, 1, "$lang: one completion");
	is($c[0][0], $version, "$lang: completion keeps the module version");
	is($c[0][1], 100, "$lang: completion score");
	is($c[0][2], 2, "$lang: completion counts both attempts");
	is($c[0][3], $code, "$lang: completion holds the certificate code");
	is($c[0][4], $lang, "$lang: completion in the language of the quiz");
	is(sql_one("SELECT COUNT(*) FROM sessions WHERE HEX(token_hash) = '$token_hash'"),
	    0, "$lang: the session is gone");
}

# The daily limit of quiz attempts (3 in the test configuration).
{
	my $web = RCMTest->new;
	my $link = `RCM_CONFIG=$ENV{VAR}/rcm.conf $ENV{ROOT}/cgi-bin/trainctl user-add limite\@journey.test officer SV Limite 2>&1`;
	my ($token) = $link =~ /token=(\S+)/;
	$web->post('/learn/set-password', token => $token,
	    new_password => 'clave de prueba', new_password2 => 'clave de prueba');
	$web->login('limite@journey.test', 'clave de prueba');
	for my $i (1 .. 3) {
		my $q = $web->view("/learn/m/$module/quiz");
		my $r = $web->post("/learn/m/$module/quiz",
		    attempt => $q->findvalue('//module/@attempt'), answers($q, 0));
		is($r->{status}, 303, "attempt $i of the day");
	}
	my $q = $web->view("/learn/m/$module/quiz");
	is($q->findvalue('//notice/@key'), 'quiz.limit', 'the fourth attempt is refused with a notice');
	is($q->findvalue('count(//question)'), 0, 'and no questions');
	# An attempt opened earlier, submitted after the day's three.
	sql("INSERT INTO quiz_attempts (user_id, module_id, version, lang, layout) SELECT a.user_id, a.module_id, a.version, a.lang, a.layout FROM quiz_attempts a JOIN users u ON u.id = a.user_id WHERE u.email = 'limite\@journey.test' LIMIT 1");
	my $open = sql_one("SELECT MAX(a.id) FROM quiz_attempts a JOIN users u ON u.id = a.user_id WHERE u.email = 'limite\@journey.test'");
	my $r = $web->post("/learn/m/$module/quiz", attempt => $open,
	    map { (answer => "$_-0") } 0 .. 9);
	is($r->{status}, 429, 'a submission over the limit is refused with 429');
	is(sql_one("SELECT COUNT(*) FROM quiz_attempts a JOIN users u ON u.id = a.user_id WHERE u.email = 'limite\@journey.test' AND submitted_at IS NOT NULL"),
	    3, 'three attempts recorded');
}

# nginx slows down guessing certificate codes.
{
	my $anon = RCMTest->new;
	my %seen;
	$seen{$anon->get(sprintf '/verify/ABCDEFGHJKMNPQRS%04d', $_)->{status}}++ for 1 .. 40;
	ok($seen{429}, "rapid verification requests are rate-limited ($seen{429} of 40 got 429)");
	like($anon->get('/verify/ABCDEFGHJKMNPQRSTVWX')->{content} // '', qr/429|Demasiadas|Too many/i,
	    'with a page that says so');
}

done_testing;
