<?xml version="1.0" encoding="UTF-8"?>
<!--
  The result of a quiz attempt (/learn/attempt/ID): score, passed or not,
  each question with what was chosen, the right answer and why; then the
  certificate, or another try.  Marks are words, not only colours.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="_layout.xsl"/>

<xsl:template match="/page" mode="title">
	<xsl:call-template name="t"><xsl:with-param name="k" select="'attempt.title'"/></xsl:call-template>
	<xsl:if test="attempt/module">
		<xsl:text> · </xsl:text>
		<xsl:value-of select="attempt/module/title"/>
	</xsl:if>
</xsl:template>

<xsl:template match="/page" mode="main">
	<xsl:apply-templates select="attempt"/>
</xsl:template>

<xsl:template match="attempt">
	<xsl:variable name="pct">
		<xsl:call-template name="percent">
			<xsl:with-param name="n" select="@score"/>
			<xsl:with-param name="max" select="@max"/>
		</xsl:call-template>
	</xsl:variable>
	<xsl:if test="module">
		<p class="crumb"><a href="/learn/m/{@module}"><xsl:value-of select="module/title"/></a></p>
	</xsl:if>
	<h1><xsl:call-template name="t"><xsl:with-param name="k" select="'attempt.title'"/></xsl:call-template></h1>
	<xsl:call-template name="notices"/>
	<div class="result {@passed}">
		<p class="verdict">
			<xsl:choose>
				<xsl:when test="@passed = 'yes'"><xsl:call-template name="t"><xsl:with-param name="k" select="'attempt.passed'"/></xsl:call-template></xsl:when>
				<xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'attempt.failed'"/></xsl:call-template></xsl:otherwise>
			</xsl:choose>
		</p>
		<p class="score">
			<xsl:call-template name="tr">
				<xsl:with-param name="k" select="'attempt.score'"/>
				<xsl:with-param name="p1" select="@score"/>
				<xsl:with-param name="p2" select="@max"/>
				<xsl:with-param name="p3" select="$pct"/>
			</xsl:call-template>
		</p>
		<xsl:if test="@passing-score">
			<p>
				<xsl:call-template name="tr">
					<xsl:with-param name="k" select="'quiz.passing'"/>
					<xsl:with-param name="p1" select="@passing-score"/>
				</xsl:call-template>
			</p>
		</xsl:if>
		<p class="small">
			<xsl:call-template name="date"><xsl:with-param name="d" select="@date"/></xsl:call-template>
		</p>
		<xsl:call-template name="next-step"/>
	</div>
	<xsl:if test="question">
		<h2><xsl:call-template name="t"><xsl:with-param name="k" select="'attempt.review'"/></xsl:call-template></h2>
		<ol class="review">
			<xsl:apply-templates select="question"/>
		</ol>
		<xsl:call-template name="next-step"/>
	</xsl:if>
</xsl:template>

<!-- The certificate, another try, or the lessons still to read. -->
<xsl:template name="next-step">
	<p class="actions">
		<xsl:choose>
			<xsl:when test="@certificate">
				<a class="button" href="/learn/certificate/{@certificate}"><xsl:call-template name="t"><xsl:with-param name="k" select="'module.certificate.link'"/></xsl:call-template></a>
			</xsl:when>
			<xsl:when test="@passed = 'yes'">
				<a class="button" href="/learn/m/{@module}"><xsl:call-template name="t"><xsl:with-param name="k" select="'attempt.finish-lessons'"/></xsl:call-template></a>
			</xsl:when>
			<xsl:otherwise>
				<a class="button" href="/learn/m/{@module}/quiz"><xsl:call-template name="t"><xsl:with-param name="k" select="'attempt.retry'"/></xsl:call-template></a>
				<xsl:text> </xsl:text>
				<a href="/learn/m/{@module}"><xsl:call-template name="t"><xsl:with-param name="k" select="'attempt.review-lessons'"/></xsl:call-template></a>
			</xsl:otherwise>
		</xsl:choose>
	</p>
</xsl:template>

<xsl:template match="question">
	<li class="q {@correct}">
		<p class="qtext"><strong><xsl:value-of select="text"/></strong></p>
		<p class="mark {@correct}">
			<xsl:choose>
				<xsl:when test="@correct = 'yes'"><xsl:call-template name="t"><xsl:with-param name="k" select="'attempt.q.right'"/></xsl:call-template></xsl:when>
				<xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'attempt.q.wrong'"/></xsl:call-template></xsl:otherwise>
			</xsl:choose>
		</p>
		<ul class="options">
			<xsl:for-each select="option">
				<li>
					<xsl:attribute name="class">
						<xsl:if test="@chosen = 'yes'">chosen </xsl:if>
						<xsl:if test="@correct = 'yes'">correct</xsl:if>
					</xsl:attribute>
					<xsl:value-of select="."/>
					<xsl:if test="@chosen = 'yes'">
						<xsl:text> </xsl:text>
						<span class="tag"><xsl:call-template name="t"><xsl:with-param name="k" select="'attempt.chosen'"/></xsl:call-template></span>
					</xsl:if>
					<xsl:if test="@correct = 'yes'">
						<xsl:text> </xsl:text>
						<span class="tag ok"><xsl:call-template name="t"><xsl:with-param name="k" select="'attempt.correct'"/></xsl:call-template></span>
					</xsl:if>
				</li>
			</xsl:for-each>
		</ul>
		<xsl:if test="explanation/node()">
			<div class="explain">
				<xsl:apply-templates select="explanation/node()" mode="xhtml"/>
			</div>
		</xsl:if>
	</li>
</xsl:template>

</xsl:stylesheet>
