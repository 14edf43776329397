#!/usr/bin/perl
# Every page as a browser gets it: a language on <html>, a label for every
# control, no script and no inline style (the Content-Security-Policy
# would block them), a heading, in both languages and for every role.
use strict;
use warnings;
use Test::More;
use XML::LibXML;
use RCMTest;

my %pages = (
	'officer@demo.rcm' => [qw(/learn/ /learn/progress /learn/account
	    /learn/m/first-contact /learn/m/first-contact/01-recognising-a-request
	    /learn/m/first-contact/quiz /verify/)],
	'focal.cr@demo.rcm' => [qw(/report/ /admin/ /admin/import
	    /report/completions)],
	'ts@demo.rcm' => [qw(/report/ /report/regional)],
	'author@demo.rcm' => [qw(/learn/preview/ /learn/preview/first-contact
	    /learn/preview/first-contact/01-recognising-a-request)],
);
my $anon = [qw(/learn/ /learn/login /verify/ /learn/no-such-page)];

sub check_page {
	my ($who, $lang, $path, $res) = @_;
	my $html = $res->{content};
	my $doc = XML::LibXML->load_html(string => $html, recover => 2,
	    suppress_errors => 1);
	my $where = "$who $lang $path";
	like($doc->findvalue('/html/@lang'), qr/^(en|es)$/, "$where: <html lang>");
	ok($doc->findvalue('count(//h1)') >= 1, "$where: a heading");
	is($doc->findvalue('count(//script | //*[@style] | //style)'), 0,
	    "$where: no script, no inline style");
	my @unlabelled;
	for my $c ($doc->findnodes('//input[not(@type="hidden" or @type="submit")] | //select | //textarea')) {
		my $id = $c->getAttribute('id') // '';
		next if $c->getAttribute('aria-label');
		next if $id ne '' && $doc->findvalue("count(//label[\@for='$id'])") > 0;
		next if $c->findnodes('ancestor::label')->size;
		push @unlabelled, $c->getAttribute('name') // '?';
	}
	is("@unlabelled", '', "$where: every control has a label");
}

for my $lang ('es', 'en') {
	for my $who (sort keys %pages) {
		my $web = RCMTest->new;
		$web->login($who);
		$web->post('/learn/lang', lang => $lang, next => '/learn/');
		for my $path (@{$pages{$who}}) {
			my $r = $web->get($path);
			ok($r->{status} == 200, "$who $lang $path: 200") or next;
			check_page($who, $lang, $path, $r);
		}
	}
	my $web = RCMTest->new;
	$web->{lang} = $lang;
	for my $path (@$anon) {
		my $r = $web->get($path);
		check_page('anonymous', $lang, $path, $r);
	}
}

done_testing;
