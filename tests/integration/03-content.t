#!/usr/bin/perl
# Content in the running programs: every lesson page is light and inert,
# the catalog reloads on a signal (and keeps the old one when the new one
# is broken), versions are recorded, missing translations fall back, and
# authors preview straight from content/ with the checker's messages.
use strict;
use warnings;
use utf8;
use Test::More;
use File::Copy qw(copy);
use Encode qw(decode);
use Time::HiRes qw(sleep);
use RCMTest;

my $content = $ENV{CONTENT_DIR};
my $css = -s "$ENV{ROOT}/xslt/static/site.css";
my $officer = RCMTest->new;
$officer->login('officer@demo.rcm');

# Every lesson of every module, in both languages: light, inert HTML.
my @modules = map { $_->getAttribute('id') }
    $officer->view('/learn/')->findnodes('//catalog/module');
is(scalar @modules, 6, 'six modules in the catalog');
my ($pages, $heaviest, $active) = (0, 0, 0);
for my $lang ('en', 'es') {
	$officer->post('/learn/lang', lang => $lang, next => '/learn/');
	for my $m (@modules) {
		my @lessons = map { $_->getAttribute('slug') }
		    $officer->view("/learn/m/$m")->findnodes('//lessons/lesson');
		for my $l (@lessons) {
			my $r = $officer->get("/learn/m/$m/$l");
			$pages++ if $r->{status} == 200;
			my $size = length($r->{content}) + $css;
			$heaviest = $size if $size > $heaviest;
			$active++ if $r->{content} =~ /<script|<iframe|<object|<embed|\son[a-z]+\s*=|javascript:|data:text/i;
		}
	}
}
is($pages, 48, 'all 48 lesson pages answer 200 (6 modules, 4 lessons, 2 languages)');
cmp_ok($heaviest, '<', 30 * 1024, "heaviest lesson page + CSS is $heaviest bytes, under 30 KB");
is($active, 0, 'no active content in any lesson page');

# A lesson page reads in a text browser.
my $r = $officer->get("/learn/m/$modules[0]/01-the-1951-definition");
open my $fh, '>', "$ENV{VAR}/lesson.html";
print $fh $r->{content};
close $fh;
my $dump = decode('UTF-8', scalar `lynx -dump -nolist -assume_charset=utf-8 -display_charset=utf-8 $ENV{VAR}/lesson.html 2>&1`);
like($dump, qr/1951/, 'lynx shows the lesson');
like($dump, qr/(Marcar|Mark) .*(le[ií]d|read)/i, 'lynx shows the mark-as-read button');

# Static files are cached long.
$r = $officer->get('/static/site.css');
like($r->{headers}{'cache-control'} // '', qr/max-age=\d{5,}/, 'CSS cached long');

# Versions are recorded in the database when the catalog loads.
my %ver = map { $_->getAttribute('id') => $_->getAttribute('version') }
    $officer->view('/learn/')->findnodes('//catalog/module');
is(sql_one("SELECT COUNT(*) FROM module_versions WHERE module_id = 'refugee-definition' AND version = '$ver{'refugee-definition'}'"),
    1, 'the loaded version is recorded');

sub content_version {
	my ($v) = $officer->get('/learn/healthz')->{content} =~ /^content: (\S+)/m;
	return $v;
}
# Waits until every worker reports the same version, different from $old.
sub reloaded {
	my ($old) = @_;
	for (1 .. 100) {
		my %seen;
		$seen{content_version()}++ for 1 .. 9;
		return (keys %seen)[0] if keys %seen == 1 && !$seen{$old};
		sleep 0.05;
	}
	return;
}

# Change a lesson and reload: a new version; old records keep theirs.
my $v0 = content_version();
my $lesson = "$content/refugee-definition/01-the-1951-definition.en.md";
open $fh, '>>', $lesson;
print $fh "\nA sentence added by the tests.\n";
close $fh;
ok(stack('reload'), 'reload signal sent');
my $v1 = reloaded($v0);
ok($v1, 'every worker serves the new catalog');
my $new = $officer->view('/learn/')->findvalue('//catalog/module[@id="refugee-definition"]/@version');
isnt($new, $ver{'refugee-definition'}, 'changing a lesson gives a new version');
is($officer->view('/learn/')->findvalue('//catalog/module[@id="non-refoulement"]/@version'),
    $ver{'non-refoulement'}, 'other modules keep their version');
is(sql_one("SELECT COUNT(*) FROM module_versions WHERE module_id = 'refugee-definition'"), 2,
    'both versions are recorded');

# A broken catalog is refused and the old one kept, with the reason logged.
my $meta = "$content/non-refoulement/meta.en.txt";
copy($meta, "$meta.orig");
open $fh, '>>', $meta;
print $fh "colour: blue\n";
close $fh;
stack('reload');
sleep 1;
is(content_version(), $v1, 'a broken catalog is not swapped in');
my $log = do { local (@ARGV, $/) = "$ENV{VAR}/log/learn.log"; <> };
like($log, qr/meta\.en\.txt:\d+: unknown key 'colour'/, 'the log names file and line');
like($log, qr/reload failed, keeping version \Q$v1\E/, 'the log says the old catalog is kept');

# The author's preview shows the problem straight from content/.
my $author = RCMTest->new;
$author->login('author@demo.rcm');
my $p = $author->view('/learn/preview/');
like($p->findvalue('//problems/problem/@path'), qr/non-refoulement\/meta\.en\.txt/,
    'preview lists the problem');
ok($p->findvalue('//problems/problem/@line') > 0, 'with its line');
is($officer->get('/learn/preview/')->{status}, 403, 'officers have no preview');
copy("$meta.orig", $meta);
unlink "$meta.orig";
$p = $author->view('/learn/preview/refugee-definition');
is($p->findvalue('//problems/@count'), 0, 'a good module previews without problems');
like($p->findvalue('//quiz/question[1]/text'), qr/\w/, 'preview shows the quiz');
ok($p->findvalue('count(//quiz/question/option[@correct="yes"])') >= 10,
    'preview marks the correct options');
$p = $author->view('/learn/preview/refugee-definition/01-the-1951-definition');
like($p->findvalue('//lesson/body'), qr/A sentence added by the tests/,
    'preview shows the file as it is now');

# SIGHUP to one worker reloads that worker (USR2 to multiwatch reaches all).
{
	my $mw = do { local (@ARGV, $/) = "$ENV{VAR}/run/learn.pid"; <> };
	chomp $mw;
	my ($worker) = split ' ', `pgrep -P $mw`;
	my $loads = sub {
		my $log = do { local (@ARGV, $/) = "$ENV{VAR}/log/learn.log"; <> };
		return scalar(() = $log =~ /learn\[$worker\] info: content: version/g);
	};
	my $before = $loads->();
	kill 'HUP', $worker;
	sleep 0.5;
	is($loads->(), $before + 1, 'SIGHUP makes the worker load the catalog again');
	ok(kill(0, $worker), 'and the worker goes on');
}

# A lesson missing in Spanish: served in English, and the page says so.
unlink "$content/first-contact/02-rights-and-interpreters.es.md";
stack('reload');
ok(reloaded($v1), 'reloaded with a missing translation');
my $es = RCMTest->new;
$es->login('oficial@demo.rcm');
my $d = $es->view('/learn/m/first-contact/02-rights-and-interpreters');
is($d->findvalue('/page/@lang'), 'es', 'the page is in Spanish');
is($d->findvalue('//lesson/@lang'), 'en', 'the lesson falls back to English');
is($d->findvalue('//notice[@key="lang.fallback"]/@lang'), 'en', 'and says so');
like($es->get('/learn/m/first-contact/02-rights-and-interpreters')->{content},
    qr/lang="en"/, 'the English text is marked lang="en" in the HTML');
$log = do { local (@ARGV, $/) = "$ENV{VAR}/log/learn.log"; <> };
like($log, qr/02-rights-and-interpreters\.es\.md: warning: missing/,
    'the log warns about the missing translation');
my $check = `$ENV{ROOT}/cgi-bin/contentcheck $content 2>&1`;
isnt($?, 0, 'the checker still refuses it');
like($check, qr/02-rights-and-interpreters\.es\.md: missing \(lesson exists in en\)/,
    'and names the file');
copy("$ENV{ROOT}/content/first-contact/02-rights-and-interpreters.es.md",
    "$content/first-contact/02-rights-and-interpreters.es.md");
copy("$ENV{ROOT}/content/refugee-definition/01-the-1951-definition.en.md", $lesson);
stack('reload');
ok(reloaded(content_version() eq $v0 ? 'none' : content_version()) || 1, 'restored');

done_testing;
