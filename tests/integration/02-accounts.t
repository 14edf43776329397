#!/usr/bin/perl
# Accounts: sign-in throttling that holds under parallel attempts, session
# limits, a new token at every sign-in, password change, single-use
# set-password links, CSRF, and the language of the pages.
use strict;
use warnings;
use utf8;
use Test::More;
use RCMTest;

my $env = "RCM_CONFIG=$ENV{VAR}/rcm.conf";
sub trainctl { my $out = `$env $ENV{ROOT}/cgi-bin/trainctl @_ 2>&1`; chomp $out; $out }

# A fresh account with a set-password link, as a ministry would create it.
my $link = trainctl('user-add', 'nuevo@acc.test', 'officer', 'HN', 'Nuevo', 'Agente');
like($link, qr{/learn/set-password\?token=[A-Za-z0-9_-]{43}$}, 'trainctl prints a link');
my ($path) = $link =~ m{(/learn/set-password\?token=.*)$};
my $web = RCMTest->new;
is($web->login('nuevo@acc.test', 'no-password-yet')->{status}, 403,
    'no sign-in before a password is set');
is($web->get($path)->{status}, 200, 'the link opens the form');
my ($token) = $path =~ /token=(.*)/;
my $r = $web->post('/learn/set-password', token => $token,
    new_password => 'una clave larga 1', new_password2 => 'otra clave');
is($r->{status}, 400, 'passwords that differ: 400');
$r = $web->post('/learn/set-password', token => $token,
    new_password => 'corta', new_password2 => 'corta');
is($r->{status}, 400, 'a password under 8 characters: 400');
$r = $web->post('/learn/set-password', token => $token,
    new_password => 'una clave larga 1', new_password2 => 'una clave larga 1');
is($r->{status}, 303, 'password set');
is($web->get($path)->{status}, 410, 'the link works only once');
$r = $web->post('/learn/set-password', token => $token,
    new_password => 'otra clave larga', new_password2 => 'otra clave larga');
is($r->{status}, 410, 'and cannot set a password twice');
like(sql_one("SELECT password_hash FROM users WHERE email = 'nuevo\@acc.test'"),
    qr/^\$argon2id\$/, 'stored as an argon2id hash');
$link = trainctl('password-link', 'nuevo@acc.test');
($token) = $link =~ /token=(.*)/;
sql("UPDATE password_tokens SET expires_at = NOW() - INTERVAL 1 SECOND WHERE used_at IS NULL");
is($web->get("/learn/set-password?token=$token")->{status}, 410,
    'an expired link is refused');

# Sign in: a new session token each time.
$r = $web->login('nuevo@acc.test', 'una clave larga 1');
is($r->{status}, 303, 'signed in with the new password');
my ($first) = $r->{headers}{'set-cookie'} =~ /rcm_session=([^;]+)/;
my $other = RCMTest->new;
$r = $other->login('nuevo@acc.test', 'una clave larga 1');
my ($second) = $r->{headers}{'set-cookie'} =~ /rcm_session=([^;]+)/;
isnt($first, $second, 'a new token at every sign-in');
is(sql_one("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'nuevo\@acc.test'"),
    2, 'two sessions');
is(sql_one("SELECT COUNT(*) FROM sessions WHERE HEX(token_hash) = HEX('$first')"), 0,
    'the token itself is not stored');

# Password change signs out the other sessions.
$r = $web->post('/learn/password', password => 'wrong password',
    new_password => 'clave nueva 2026', new_password2 => 'clave nueva 2026');
is($r->{status}, 403, 'password change with a wrong current password: 403');
$r = $web->post('/learn/password', password => 'una clave larga 1',
    new_password => 'clave nueva 2026', new_password2 => 'clave nueva 2026');
is($r->{status}, 303, 'password changed');
is($web->get('/learn/progress')->{status}, 200, 'this session goes on');
is($other->get('/learn/progress')->{status}, 303, 'the other session is signed out');
is(RCMTest->new->login('nuevo@acc.test', 'clave nueva 2026')->{status}, 303,
    'the new password works');

# Idle and absolute limits.
sql("UPDATE sessions SET last_seen = NOW() - INTERVAL 31 MINUTE WHERE user_id = (SELECT id FROM users WHERE email = 'nuevo\@acc.test')");
is($web->get('/learn/progress')->{status}, 303, 'idle 31 minutes: signed out');
$web->login('nuevo@acc.test', 'clave nueva 2026');
sql("UPDATE sessions SET created_at = NOW() - INTERVAL 12 HOUR - INTERVAL 1 MINUTE, last_seen = NOW() WHERE user_id = (SELECT id FROM users WHERE email = 'nuevo\@acc.test')");
is($web->get('/learn/progress')->{status}, 303, 'after 12 hours: signed out');

# A POST from another site is refused, sign-in included (login CSRF).
my $r2 = RCMTest->new->request('POST', '/learn/login',
    { 'Content-Type' => 'application/x-www-form-urlencoded',
      Origin => 'https://evil.example' },
    'email=officer%40demo.rcm&password=demo-password-2026');
is($r2->{status}, 403, 'sign-in posted from another site: 403');
ok(!defined $r2->{headers}{'set-cookie'}, 'and no session');
$r2 = RCMTest->new->request('POST', '/learn/login',
    { 'Content-Type' => 'application/x-www-form-urlencoded',
      Origin => base_url() },
    'email=officer%40demo.rcm&password=demo-password-2026');
is($r2->{status}, 303, 'sign-in from this site works');

# Expired sessions are purged at the next sign-in.
sql("INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen) SELECT UNHEX(SHA2('old', 256)), id, 'x', NOW() - INTERVAL 2 DAY, NOW() - INTERVAL 2 DAY FROM users WHERE email = 'officer\@demo.rcm'");
RCMTest->new->login('officer@demo.rcm');
is(sql_one("SELECT COUNT(*) FROM sessions WHERE token_hash = UNHEX(SHA2('old', 256))"), 0,
    'an expired session is deleted at the next sign-in');

# CSRF on every write.
$web->login('nuevo@acc.test', 'clave nueva 2026');
my $csrf = $web->{csrf};
delete $web->{csrf};
is($web->post('/learn/account', full_name => 'X', agency => 'Y', sex => 'male', lang => 'es')->{status},
    403, 'a write without a CSRF token: 403');
is($web->post('/learn/logout')->{status}, 403, 'sign-out without a token: 403');
$web->{csrf} = $csrf;

# Profile.
$r = $web->post('/learn/account', full_name => 'Nuevo Agente Pérez',
    agency => 'Instituto Nacional de Migración', sex => 'unspecified', lang => 'en');
is($r->{status}, 303, 'profile saved');
my @u = sql("SELECT full_name, agency, sex, lang FROM users WHERE email = 'nuevo\@acc.test'");
is_deeply($u[0], ['Nuevo Agente Pérez', 'Instituto Nacional de Migración', 'unspecified', 'en'],
    'profile in the database');
is($web->post('/learn/account', full_name => 'A', agency => 'B', sex => 'x', lang => 'es')->{status},
    400, 'an unknown sex value: 400');

# Language: profile first, then the switch.
is($web->view('/learn/')->findvalue('/page/@lang'), 'en', 'profile language');
$r = $web->post('/learn/lang', lang => 'es', next => '/learn/progress');
is($r->{status}, 303, 'language switched');
is($r->{headers}{location}, '/learn/progress', 'back where the officer was');
is($web->view('/learn/')->findvalue('/page/@lang'), 'es', 'now in Spanish');
is(sql_one("SELECT lang FROM users WHERE email = 'nuevo\@acc.test'"), 'es',
    'the profile remembers it');
my $anon = RCMTest->new;
$anon->{lang} = 'es-MX,es;q=0.9,en;q=0.5';
is($anon->view('/learn/')->findvalue('/page/@lang'), 'es', 'Accept-Language es-MX');
$anon->{lang} = 'fr-CA,en;q=0.8';
is($anon->view('/learn/')->findvalue('/page/@lang'), 'en', 'Accept-Language falls to en');
$r = $anon->post('/learn/lang', lang => 'es', next => '/learn/');
like($r->{headers}{'set-cookie'} // '', qr/lang=es/, 'anonymous switch sets a cookie');
is($anon->view('/learn/')->findvalue('/page/@lang'), 'es', 'the cookie wins over the header');
is($anon->post('/learn/lang', lang => 'de', next => '/learn/')->{status}, 400,
    'an unknown language: 400');
$r = $anon->post('/learn/lang', lang => 'es', next => '//evil.example/');
is($r->{headers}{location}, '/learn/', 'no redirect off the site');
$r = $anon->post('/learn/login', email => 'officer@demo.rcm',
    password => 'demo-password-2026', next => 'https://evil.example/');
is($r->{headers}{location}, '/learn/', 'sign-in does not redirect off the site');

# Throttling holds exactly under parallel attempts.
trainctl('user-add', 'blanco@acc.test', 'officer', 'PA', 'Blanco');
my $kids = 12;
my @pids;
pipe my $rd, my $wr or die;
for my $i (1 .. $kids) {
	my $pid = fork // die;
	if (!$pid) {
		close $rd;
		my $c = RCMTest->new;
		my $s = $c->post('/learn/login', email => 'blanco@acc.test',
		    password => "guess number $i")->{status};
		syswrite $wr, "$s\n";
		exit 0;
	}
	push @pids, $pid;
}
close $wr;
waitpid $_, 0 for @pids;
my @statuses = map { chomp; $_ } <$rd>;
is(scalar(grep { $_ == 403 } @statuses), 5,
    'exactly 5 of 12 parallel wrong passwords were checked');
is(scalar(grep { $_ == 429 } @statuses), 7, 'the other 7 were refused with 429');
$link = trainctl('password-link', 'blanco@acc.test');
($token) = $link =~ /token=(.*)/;
RCMTest->new->post('/learn/set-password', token => $token,
    new_password => 'la buena clave', new_password2 => 'la buena clave');
is(RCMTest->new->login('blanco@acc.test', 'la buena clave')->{status}, 429,
    'even the right password waits out the window');
sql("UPDATE login_throttle SET window_start = NOW() - INTERVAL 16 MINUTE");
is(RCMTest->new->login('blanco@acc.test', 'la buena clave')->{status}, 303,
    'after the window, the right password works');
is(sql_one('SELECT COUNT(*) FROM login_throttle WHERE failures > 0 AND window_start > NOW() - INTERVAL 1 MINUTE AND LENGTH(throttle_key) = 32'),
    sql_one('SELECT COUNT(*) FROM login_throttle WHERE window_start > NOW() - INTERVAL 1 MINUTE'),
    'throttle keys are hashes');

done_testing;
