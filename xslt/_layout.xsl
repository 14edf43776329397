<?xml version="1.0" encoding="UTF-8"?>
<!--
  The page frame shared by every view: html, header with navigation,
  language switch, main, footer.  A view imports this file and defines a
  template for mode "main" (and optionally "title" and "head").  Text is
  always escaped: output escaping is never turned off in xslt/.

  Shared parts a view may call:
    t            a message of xslt/i18n/LANG.xml by key (the key if missing)
    tr           the same with "{1}", "{2}", "{3}" replaced by p1, p2, p3
    csrf-field   the hidden CSRF input of forms that write
    notices      every <notice> of the page, in the page's language
    status       the status badge of a module (not-started, in-progress, passed)
    progress     a <progress> bar with "2 of 4 lessons read"
    date         YYYY-MM-DD[Thh:mm:ssZ] as "1 March 2026" / "1 de marzo de 2026"
    percent      round(100 * n / max)
    country-options  an <option> for each member country, one selected
  and mode "xhtml" copies sanitised lesson HTML element by element.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
	xmlns:rcm="urn:x-rcm:view" exclude-result-prefixes="rcm">
<xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="no"/>

<xsl:variable name="lang" select="/page/@lang"/>
<!-- The message catalog xslt/i18n/LANG.xml, parsed once by the program
     (cgi-bin/lib/view.c, rcm:messages). -->
<xsl:variable name="messages" select="rcm:messages($lang)"/>
<xsl:variable name="user" select="/page/user"/>
<xsl:variable name="csrf" select="/page/csrf"/>

<!-- A message of the UI catalog by key; the key itself when missing. -->
<xsl:template name="t">
	<xsl:param name="k"/>
	<xsl:value-of select="rcm:t($lang, $k)"/>
</xsl:template>

<!-- A message from the program, <x key=".." p1=".." p2=".."/>, translated. -->
<xsl:template match="*" mode="message">
	<xsl:call-template name="tr">
		<xsl:with-param name="k" select="string(@key)"/>
		<xsl:with-param name="p1" select="string(@p1)"/>
		<xsl:with-param name="p2" select="string(@p2)"/>
	</xsl:call-template>
</xsl:template>

<!-- A message with its placeholders {1} {2} {3} filled in. -->
<xsl:template name="tr">
	<xsl:param name="k"/>
	<xsl:param name="p1"/>
	<xsl:param name="p2"/>
	<xsl:param name="p3"/>
	<xsl:variable name="m">
		<xsl:call-template name="t"><xsl:with-param name="k" select="$k"/></xsl:call-template>
	</xsl:variable>
	<xsl:variable name="r1">
		<xsl:call-template name="replace">
			<xsl:with-param name="s" select="$m"/>
			<xsl:with-param name="from" select="'{1}'"/>
			<xsl:with-param name="to" select="$p1"/>
		</xsl:call-template>
	</xsl:variable>
	<xsl:variable name="r2">
		<xsl:call-template name="replace">
			<xsl:with-param name="s" select="$r1"/>
			<xsl:with-param name="from" select="'{2}'"/>
			<xsl:with-param name="to" select="$p2"/>
		</xsl:call-template>
	</xsl:variable>
	<xsl:call-template name="replace">
		<xsl:with-param name="s" select="$r2"/>
		<xsl:with-param name="from" select="'{3}'"/>
		<xsl:with-param name="to" select="$p3"/>
	</xsl:call-template>
</xsl:template>

<xsl:template name="replace">
	<xsl:param name="s"/>
	<xsl:param name="from"/>
	<xsl:param name="to"/>
	<xsl:choose>
		<xsl:when test="contains($s, $from)">
			<xsl:value-of select="substring-before($s, $from)"/>
			<xsl:value-of select="$to"/>
			<xsl:call-template name="replace">
				<xsl:with-param name="s" select="substring-after($s, $from)"/>
				<xsl:with-param name="from" select="$from"/>
				<xsl:with-param name="to" select="$to"/>
			</xsl:call-template>
		</xsl:when>
		<xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
	</xsl:choose>
</xsl:template>

<xsl:template name="csrf-field">
	<input type="hidden" name="csrf" value="{$csrf}"/>
</xsl:template>

<!-- The eleven member countries, by code, named in the page's language. -->
<xsl:template name="country-options">
	<xsl:param name="selected"/>
	<xsl:param name="codes" select="'BZ CA CR DO SV GT HN MX NI PA US '"/>
	<xsl:if test="string($codes)">
		<xsl:variable name="c" select="substring-before($codes, ' ')"/>
		<option value="{$c}">
			<xsl:if test="$c = $selected"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
			<xsl:call-template name="t"><xsl:with-param name="k" select="concat('country.', $c)"/></xsl:call-template>
		</option>
		<xsl:call-template name="country-options">
			<xsl:with-param name="selected" select="$selected"/>
			<xsl:with-param name="codes" select="substring-after($codes, ' ')"/>
		</xsl:call-template>
	</xsl:if>
</xsl:template>

<xsl:template match="/page">
	<html lang="{$lang}">
	<head>
		<meta name="viewport" content="width=device-width, initial-scale=1"/>
		<title>
			<xsl:apply-templates select="." mode="title"/>
			<xsl:text> · </xsl:text>
			<xsl:call-template name="t"><xsl:with-param name="k" select="'site.name'"/></xsl:call-template>
		</title>
		<link rel="stylesheet" href="/static/site.css"/>
		<xsl:apply-templates select="." mode="head"/>
	</head>
	<body>
		<a class="skip" href="#main"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.skip'"/></xsl:call-template></a><xsl:text> </xsl:text>
		<header class="site">
			<a class="brand" href="/learn/"><xsl:call-template name="t"><xsl:with-param name="k" select="'site.name'"/></xsl:call-template></a>
			<nav aria-label="{rcm:t($lang, 'nav.label')}">
				<ul>
					<li><a href="/learn/"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.catalog'"/></xsl:call-template></a></li>
					<xsl:if test="$user">
						<li><a href="/learn/progress"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.progress'"/></xsl:call-template></a></li>
						<xsl:if test="$user/@role = 'focal' or $user/@role = 'secretariat' or $user/@role = 'admin'">
							<li><a href="/report/"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.report'"/></xsl:call-template></a></li>
						</xsl:if>
						<xsl:if test="$user/@role = 'focal' or $user/@role = 'admin'">
							<li><a href="/admin/"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.admin'"/></xsl:call-template></a></li>
						</xsl:if>
						<xsl:if test="$user/@role = 'author' or $user/@role = 'admin'">
							<li><a href="/learn/preview/"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.preview'"/></xsl:call-template></a></li>
						</xsl:if>
						<li><a href="/learn/account"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.account'"/></xsl:call-template></a></li>
					</xsl:if>
				</ul>
			</nav>
			<div class="session">
				<xsl:choose>
					<xsl:when test="$user">
						<form method="post" action="/learn/logout" class="inline">
							<xsl:call-template name="csrf-field"/>
							<span class="who"><xsl:value-of select="$user/name"/></span>
							<xsl:text> </xsl:text>
							<button type="submit" class="link"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.logout'"/></xsl:call-template></button>
						</form>
					</xsl:when>
					<xsl:when test="/page/@view = 'login'"/>
					<xsl:otherwise>
						<a href="/learn/login"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.login'"/></xsl:call-template></a>
					</xsl:otherwise>
				</xsl:choose>
				<xsl:text> </xsl:text>
				<form method="post" action="/learn/lang" class="inline lang">
					<xsl:if test="$user"><xsl:call-template name="csrf-field"/></xsl:if>
					<input type="hidden" name="next" value="{/page/@path}"/>
					<xsl:choose>
						<xsl:when test="$lang = 'es'">
							<button type="submit" name="lang" value="en" lang="en" class="link">English</button>
						</xsl:when>
						<xsl:otherwise>
							<button type="submit" name="lang" value="es" lang="es" class="link">Español</button>
						</xsl:otherwise>
					</xsl:choose>
				</form>
			</div>
		</header>
		<main id="main">
			<xsl:apply-templates select="." mode="main"/>
		</main>
		<footer class="site">
			<p><xsl:call-template name="t"><xsl:with-param name="k" select="'site.footer'"/></xsl:call-template></p>
			<p><a href="/verify/"><xsl:call-template name="t"><xsl:with-param name="k" select="'site.verify'"/></xsl:call-template></a></p>
		</footer>
	</body>
	</html>
</xsl:template>

<xsl:template match="/page" mode="head"/>

<!-- Every notice of the page, where the view wants them. -->
<xsl:template name="notices">
	<xsl:apply-templates select="/page/notice"/>
</xsl:template>

<!--
  Notices carried in the view: <notice key=".." kind=".."/>.  A key that
  is not in the catalog is not shown: "done=" keys come from the query
  string, so an unknown one must not put words of a stranger on the page.
-->
<xsl:template match="notice">
	<xsl:variable name="k" select="string(@key)"/>
	<xsl:if test="rcm:t($lang, $k) != $k">
		<p class="notice {@kind}">
			<xsl:attribute name="role">
				<xsl:choose>
					<xsl:when test="@kind = 'error'">alert</xsl:when>
					<xsl:otherwise>status</xsl:otherwise>
				</xsl:choose>
			</xsl:attribute>
			<xsl:call-template name="t"><xsl:with-param name="k" select="$k"/></xsl:call-template>
			<xsl:if test="string(.)"><xsl:text> </xsl:text><xsl:value-of select="."/></xsl:if>
		</p>
	</xsl:if>
</xsl:template>

<!-- Module or lesson shown in the other language: say which, in ours. -->
<xsl:template match="notice[@key = 'lang.fallback']">
	<p class="notice info" role="status">
		<xsl:call-template name="tr">
			<xsl:with-param name="k" select="'lang.fallback'"/>
			<xsl:with-param name="p1">
				<xsl:call-template name="t"><xsl:with-param name="k" select="concat('lang.name.', @lang)"/></xsl:call-template>
			</xsl:with-param>
		</xsl:call-template>
	</p>
</xsl:template>

<!-- A module's status badge. -->
<xsl:template name="status">
	<xsl:param name="s" select="@status"/>
	<xsl:if test="string($s)">
		<span class="badge {$s}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('status.', $s)"/></xsl:call-template></span>
	</xsl:if>
</xsl:template>

<!-- A progress bar with its words: "2 of 4 lessons read". -->
<xsl:template name="progress">
	<xsl:param name="value" select="@read"/>
	<xsl:param name="max" select="@lessons"/>
	<xsl:variable name="v" select="number($value)"/>
	<p class="progress">
		<progress value="{$v}" max="{$max}" aria-hidden="true"></progress>
		<xsl:text> </xsl:text>
		<span>
			<xsl:call-template name="tr">
				<xsl:with-param name="k" select="'progress.lessons'"/>
				<xsl:with-param name="p1" select="$v"/>
				<xsl:with-param name="p2" select="$max"/>
			</xsl:call-template>
		</span>
	</p>
</xsl:template>

<xsl:template name="percent">
	<xsl:param name="n"/>
	<xsl:param name="max"/>
	<xsl:choose>
		<xsl:when test="number($max) &gt; 0"><xsl:value-of select="round(100 * $n div $max)"/></xsl:when>
		<xsl:otherwise>0</xsl:otherwise>
	</xsl:choose>
</xsl:template>

<!-- "2026-03-01" or "2026-03-01T10:22:33Z" in words; as given otherwise. -->
<xsl:template name="date">
	<xsl:param name="d"/>
	<xsl:variable name="y" select="substring($d, 1, 4)"/>
	<xsl:variable name="m" select="number(substring($d, 6, 2))"/>
	<xsl:variable name="day" select="number(substring($d, 9, 2))"/>
	<xsl:choose>
		<xsl:when test="string-length($d) &gt;= 10 and substring($d, 5, 1) = '-' and $m &gt;= 1 and $m &lt;= 12 and $day &gt;= 1">
			<time datetime="{substring($d, 1, 10)}">
				<xsl:call-template name="tr">
					<xsl:with-param name="k" select="'date.format'"/>
					<xsl:with-param name="p1" select="$day"/>
					<xsl:with-param name="p2">
						<xsl:call-template name="t"><xsl:with-param name="k" select="concat('month.', $m)"/></xsl:call-template>
					</xsl:with-param>
					<xsl:with-param name="p3" select="$y"/>
				</xsl:call-template>
			</time>
		</xsl:when>
		<xsl:otherwise><xsl:value-of select="$d"/></xsl:otherwise>
	</xsl:choose>
</xsl:template>

<!--
  Sanitised XHTML from markdown: copied node by node, and only the
  attributes the sanitiser lets through.  Images load lazily: slow links.
-->
<xsl:template match="*" mode="xhtml">
	<xsl:element name="{local-name()}">
		<xsl:copy-of select="@href | @src | @alt | @title"/>
		<xsl:if test="local-name() = 'img'"><xsl:attribute name="loading">lazy</xsl:attribute></xsl:if>
		<xsl:apply-templates mode="xhtml"/>
	</xsl:element>
</xsl:template>
<!-- A wide table scrolls by itself instead of widening the page. -->
<xsl:template match="table" mode="xhtml">
	<div class="table">
		<table>
			<xsl:apply-templates mode="xhtml"/>
		</table>
	</div>
</xsl:template>
<xsl:template match="text()" mode="xhtml"><xsl:value-of select="."/></xsl:template>

</xsl:stylesheet>
