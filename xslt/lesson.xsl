<?xml version="1.0" encoding="UTF-8"?>
<!--
  A lesson (/learn/m/ID/SLUG): "lesson N of M", the text, previous and
  next, and the form "mark as read and continue" (a POST to this URL).
  Kept lean: the page travels over slow links.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
	xmlns:rcm="urn:x-rcm:view" exclude-result-prefixes="rcm">
<xsl:import href="_layout.xsl"/>

<xsl:template match="/page" mode="title">
	<xsl:value-of select="module/lesson/title"/>
	<xsl:text> · </xsl:text>
	<xsl:value-of select="module/title"/>
</xsl:template>

<xsl:template match="/page" mode="main">
	<xsl:apply-templates select="module/lesson"/>
</xsl:template>

<xsl:template match="lesson">
	<xsl:variable name="m" select=".."/>
	<xsl:call-template name="notices"/>
	<p class="crumb"><a href="/learn/m/{$m/@id}"><xsl:if test="$m/@lang != $lang"><xsl:attribute name="lang"><xsl:value-of select="$m/@lang"/></xsl:attribute></xsl:if><xsl:value-of select="$m/title"/></a></p>
	<article class="lesson">
		<xsl:if test="@lang != $lang"><xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute></xsl:if>
		<p class="kicker">
			<xsl:call-template name="tr">
				<xsl:with-param name="k" select="'lesson.n-of-m'"/>
				<xsl:with-param name="p1" select="@number"/>
				<xsl:with-param name="p2" select="@of"/>
			</xsl:call-template>
		</p>
		<h1><xsl:value-of select="title"/></h1>
		<xsl:apply-templates select="body/node()" mode="xhtml"/>
	</article>
	<form method="post" action="{/page/@path}" class="mark">
		<xsl:call-template name="csrf-field"/>
		<xsl:if test="@read = 'yes'">
			<p class="notice info"><xsl:call-template name="t"><xsl:with-param name="k" select="'lesson.already-read'"/></xsl:call-template></p>
		</xsl:if>
		<button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'lesson.mark'"/></xsl:call-template></button>
	</form>
	<nav class="pager" aria-label="{rcm:t($lang, 'lesson.pager')}">
		<xsl:if test="nav/@prev">
			<a rel="prev" href="/learn/m/{$m/@id}/{nav/@prev}">
				<xsl:call-template name="t"><xsl:with-param name="k" select="'lesson.prev'"/></xsl:call-template>
			</a>
		</xsl:if>
		<xsl:text> </xsl:text>
		<xsl:choose>
			<xsl:when test="nav/@next">
				<a rel="next" href="/learn/m/{$m/@id}/{nav/@next}">
					<xsl:call-template name="t"><xsl:with-param name="k" select="'lesson.next'"/></xsl:call-template>
				</a>
			</xsl:when>
			<xsl:otherwise>
				<a href="/learn/m/{$m/@id}/quiz"><xsl:call-template name="t"><xsl:with-param name="k" select="'module.quiz.take'"/></xsl:call-template></a>
			</xsl:otherwise>
		</xsl:choose>
	</nav>
</xsl:template>

</xsl:stylesheet>
