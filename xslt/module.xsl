<?xml version="1.0" encoding="UTF-8"?>
<!--
  A module (/learn/m/ID): status and progress, what to do next, the
  objectives, the lessons with what is read, the quiz, the certificate
  when passed, and the sources.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="_layout.xsl"/>

<xsl:template match="/page" mode="title">
	<xsl:value-of select="module/title"/>
</xsl:template>

<xsl:template match="/page" mode="main">
	<xsl:apply-templates select="module"/>
</xsl:template>

<xsl:template match="module">
	<xsl:call-template name="notices"/>
	<article>
		<xsl:if test="@lang != $lang"><xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute></xsl:if>
		<h1><xsl:value-of select="title"/></h1>
		<p class="meta">
			<xsl:call-template name="status"/>
			<xsl:text> </xsl:text>
			<xsl:call-template name="tr">
				<xsl:with-param name="k" select="'module.meta'"/>
				<xsl:with-param name="p1" select="@minutes"/>
				<xsl:with-param name="p2" select="@lessons"/>
			</xsl:call-template>
		</p>
		<xsl:call-template name="progress"/>
		<xsl:choose>
			<xsl:when test="@certificate">
				<div class="done">
					<p><strong><xsl:call-template name="t"><xsl:with-param name="k" select="'module.passed'"/></xsl:call-template></strong></p>
					<p><a class="button" href="/learn/certificate/{@certificate}"><xsl:call-template name="t"><xsl:with-param name="k" select="'module.certificate.link'"/></xsl:call-template></a></p>
				</div>
			</xsl:when>
			<xsl:when test="@next">
				<p><a class="button" href="/learn/m/{@id}/{@next}">
					<xsl:variable name="next" select="@next"/>
					<xsl:call-template name="tr">
						<xsl:with-param name="k">
							<xsl:choose>
								<xsl:when test="@read = 0">module.start</xsl:when>
								<xsl:otherwise>module.continue</xsl:otherwise>
							</xsl:choose>
						</xsl:with-param>
						<xsl:with-param name="p1" select="lessons/lesson[@slug = $next]/@number"/>
					</xsl:call-template>
				</a></p>
			</xsl:when>
			<xsl:otherwise>
				<p><a class="button" href="/learn/m/{@id}/quiz"><xsl:call-template name="t"><xsl:with-param name="k" select="'module.quiz.take'"/></xsl:call-template></a></p>
			</xsl:otherwise>
		</xsl:choose>
		<p><xsl:value-of select="summary"/></p>

		<h2><xsl:call-template name="t"><xsl:with-param name="k" select="'module.objectives'"/></xsl:call-template></h2>
		<ul>
			<xsl:for-each select="objectives/objective">
				<li><xsl:value-of select="."/></li>
			</xsl:for-each>
		</ul>

		<h2><xsl:call-template name="t"><xsl:with-param name="k" select="'module.lessons'"/></xsl:call-template></h2>
		<ol class="lessons">
			<xsl:for-each select="lessons/lesson">
				<li>
					<xsl:if test="@read = 'yes'"><xsl:attribute name="class">read</xsl:attribute></xsl:if>
					<a href="/learn/m/{../../@id}/{@slug}"><xsl:value-of select="title"/></a>
					<xsl:text> </xsl:text>
					<span class="small">
						<xsl:call-template name="tr">
							<xsl:with-param name="k" select="'lesson.minutes'"/>
							<xsl:with-param name="p1" select="@minutes"/>
						</xsl:call-template>
					</span>
					<xsl:if test="@read = 'yes'">
						<xsl:text> </xsl:text>
						<span class="badge passed"><xsl:call-template name="t"><xsl:with-param name="k" select="'lesson.read'"/></xsl:call-template></span>
					</xsl:if>
				</li>
			</xsl:for-each>
		</ol>

		<h2><xsl:call-template name="t"><xsl:with-param name="k" select="'module.quiz'"/></xsl:call-template></h2>
		<p>
			<xsl:call-template name="tr">
				<xsl:with-param name="k" select="'module.quiz.about'"/>
				<xsl:with-param name="p1" select="@questions"/>
				<xsl:with-param name="p2" select="@passing-score"/>
			</xsl:call-template>
		</p>
		<p>
			<a href="/learn/m/{@id}/quiz">
				<xsl:call-template name="t"><xsl:with-param name="k" select="'module.quiz.take'"/></xsl:call-template>
			</a>
		</p>
		<xsl:if test="@certificate">
			<p><a href="/learn/certificate/{@certificate}"><xsl:call-template name="t"><xsl:with-param name="k" select="'module.certificate.link'"/></xsl:call-template></a></p>
		</xsl:if>

		<h2><xsl:call-template name="t"><xsl:with-param name="k" select="'module.sources'"/></xsl:call-template></h2>
		<ul class="sources">
			<xsl:for-each select="sources/source">
				<li><xsl:value-of select="."/></li>
			</xsl:for-each>
		</ul>
		<p class="small">
			<xsl:call-template name="tr">
				<xsl:with-param name="k" select="'module.version'"/>
				<xsl:with-param name="p1" select="@version"/>
			</xsl:call-template>
		</p>
	</article>
</xsl:template>

</xsl:stylesheet>
