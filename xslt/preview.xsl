<?xml version="1.0" encoding="UTF-8"?>
<!--
  The authors' preview (/learn/preview/, /learn/preview/ID and
  /learn/preview/ID/SLUG): the checker's messages as "path:line: message",
  then the modules, one module with its lessons and its quiz with the
  correct options marked, or one lesson as officers will see it.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
	xmlns:rcm="urn:x-rcm:view" exclude-result-prefixes="rcm">
<xsl:import href="_layout.xsl"/>

<xsl:template match="/page" mode="title">
	<xsl:call-template name="t"><xsl:with-param name="k" select="'preview.title'"/></xsl:call-template>
	<xsl:choose>
		<xsl:when test="preview/module/lesson">
			<xsl:text>: </xsl:text><xsl:value-of select="preview/module/lesson/title"/>
		</xsl:when>
		<xsl:when test="preview/@module">
			<xsl:text>: </xsl:text><xsl:value-of select="preview/module/title"/>
		</xsl:when>
	</xsl:choose>
</xsl:template>

<xsl:template match="/page" mode="main">
	<xsl:apply-templates select="preview"/>
</xsl:template>

<!-- The index: every module folder. -->
<xsl:template match="preview">
	<h1><xsl:call-template name="t"><xsl:with-param name="k" select="'preview.title'"/></xsl:call-template></h1>
	<xsl:call-template name="notices"/>
	<xsl:apply-templates select="problems"/>
	<h2><xsl:call-template name="t"><xsl:with-param name="k" select="'preview.modules'"/></xsl:call-template></h2>
	<ul class="cards">
		<xsl:for-each select="module">
			<li class="card">
				<xsl:if test="@lang != $lang"><xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute></xsl:if>
				<h3><a href="/learn/preview/{@id}"><xsl:value-of select="title"/></a></h3>
				<p class="meta">
					<code><xsl:value-of select="@id"/></code>
					<xsl:text> · </xsl:text>
					<xsl:call-template name="tr">
						<xsl:with-param name="k" select="'module.version'"/>
						<xsl:with-param name="p1" select="@version"/>
					</xsl:call-template>
					<xsl:text> · </xsl:text>
					<xsl:call-template name="tr">
						<xsl:with-param name="k" select="'module.meta'"/>
						<xsl:with-param name="p1" select="@minutes"/>
						<xsl:with-param name="p2" select="@lessons"/>
					</xsl:call-template>
				</p>
			</li>
		</xsl:for-each>
	</ul>
</xsl:template>

<!-- One module, or one of its lessons. -->
<xsl:template match="preview[@module]">
	<p class="crumb"><a href="/learn/preview/"><xsl:call-template name="t"><xsl:with-param name="k" select="'preview.title'"/></xsl:call-template></a></p>
	<xsl:choose>
		<xsl:when test="module/lesson">
			<xsl:apply-templates select="module/lesson"/>
		</xsl:when>
		<xsl:otherwise>
			<xsl:apply-templates select="module"/>
		</xsl:otherwise>
	</xsl:choose>
</xsl:template>

<xsl:template match="problems">
	<xsl:choose>
		<xsl:when test="problem">
			<section class="notice error" aria-labelledby="problems-h">
				<h2 id="problems-h">
					<xsl:call-template name="tr">
						<xsl:with-param name="k" select="'preview.problems'"/>
						<xsl:with-param name="p1" select="count(problem)"/>
					</xsl:call-template>
				</h2>
				<ul class="problems">
					<xsl:for-each select="problem">
						<li><code><xsl:value-of select="@path"/>:<xsl:value-of select="@line"/>: <xsl:value-of select="."/></code></li>
					</xsl:for-each>
				</ul>
			</section>
		</xsl:when>
		<xsl:otherwise>
			<p class="notice info"><xsl:call-template name="t"><xsl:with-param name="k" select="'preview.no-problems'"/></xsl:call-template></p>
		</xsl:otherwise>
	</xsl:choose>
</xsl:template>

<xsl:template match="module">
	<article>
		<xsl:if test="@lang != $lang"><xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute></xsl:if>
		<h1><xsl:value-of select="title"/></h1>
		<xsl:call-template name="notices"/>
		<xsl:apply-templates select="../problems"/>
		<p class="meta">
			<code><xsl:value-of select="@id"/></code>
			<xsl:text> · </xsl:text>
			<xsl:call-template name="tr">
				<xsl:with-param name="k" select="'module.version'"/>
				<xsl:with-param name="p1" select="@version"/>
			</xsl:call-template>
			<xsl:text> · </xsl:text>
			<xsl:call-template name="tr">
				<xsl:with-param name="k" select="'module.meta'"/>
				<xsl:with-param name="p1" select="@minutes"/>
				<xsl:with-param name="p2" select="@lessons"/>
			</xsl:call-template>
		</p>
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
					<a href="/learn/preview/{../../@id}/{@slug}"><xsl:value-of select="title"/></a>
					<xsl:text> </xsl:text>
					<span class="small">
						<xsl:call-template name="tr">
							<xsl:with-param name="k" select="'lesson.minutes'"/>
							<xsl:with-param name="p1" select="@minutes"/>
						</xsl:call-template>
					</span>
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
		<ol class="review">
			<xsl:for-each select="quiz/question">
				<li class="q">
					<p class="qtext"><strong><xsl:value-of select="text"/></strong></p>
					<ul class="options">
						<xsl:for-each select="option">
							<li>
								<xsl:if test="@correct = 'yes'"><xsl:attribute name="class">correct</xsl:attribute></xsl:if>
								<xsl:value-of select="."/>
								<xsl:if test="@correct = 'yes'">
									<xsl:text> </xsl:text>
									<span class="tag ok"><xsl:call-template name="t"><xsl:with-param name="k" select="'attempt.correct'"/></xsl:call-template></span>
								</xsl:if>
							</li>
						</xsl:for-each>
					</ul>
					<xsl:if test="explanation/node()">
						<div class="explain"><xsl:apply-templates select="explanation/node()" mode="xhtml"/></div>
					</xsl:if>
				</li>
			</xsl:for-each>
		</ol>
	</article>
</xsl:template>

<xsl:template match="lesson">
	<xsl:variable name="m" select=".."/>
	<p class="crumb"><a href="/learn/preview/{$m/@id}"><xsl:value-of select="$m/title"/></a></p>
	<xsl:call-template name="notices"/>
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
		<xsl:apply-templates select="../../problems"/>
		<xsl:apply-templates select="body/node()" mode="xhtml"/>
	</article>
	<nav class="pager" aria-label="{rcm:t($lang, 'lesson.pager')}">
		<xsl:if test="nav/@prev">
			<a rel="prev" href="/learn/preview/{$m/@id}/{nav/@prev}"><xsl:call-template name="t"><xsl:with-param name="k" select="'lesson.prev'"/></xsl:call-template></a>
		</xsl:if>
		<xsl:text> </xsl:text>
		<xsl:if test="nav/@next">
			<a rel="next" href="/learn/preview/{$m/@id}/{nav/@next}"><xsl:call-template name="t"><xsl:with-param name="k" select="'lesson.next'"/></xsl:call-template></a>
		</xsl:if>
	</nav>
</xsl:template>

</xsl:stylesheet>
