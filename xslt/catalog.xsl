<?xml version="1.0" encoding="UTF-8"?>
<!--
  The catalog (/learn/): every module with its summary, time, status and
  progress; "continue where you left off" when the view has <continue>.
  Visitors who are not signed in see the modules and a sign-in link.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="_layout.xsl"/>

<xsl:template match="/page" mode="title">
	<xsl:call-template name="t"><xsl:with-param name="k" select="'catalog.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="/page" mode="main">
	<xsl:call-template name="notices"/>
	<h1><xsl:call-template name="t"><xsl:with-param name="k" select="'catalog.title'"/></xsl:call-template></h1>
	<xsl:choose>
		<xsl:when test="$user">
			<xsl:apply-templates select="continue"/>
		</xsl:when>
		<xsl:otherwise>
			<p><xsl:call-template name="t"><xsl:with-param name="k" select="'catalog.intro'"/></xsl:call-template></p>
			<p><a class="button" href="/learn/login"><xsl:call-template name="t"><xsl:with-param name="k" select="'catalog.signin'"/></xsl:call-template></a></p>
		</xsl:otherwise>
	</xsl:choose>
	<xsl:if test="continue">
		<h2><xsl:call-template name="t"><xsl:with-param name="k" select="'catalog.all'"/></xsl:call-template></h2>
	</xsl:if>
	<ul class="cards">
		<xsl:apply-templates select="catalog/module"/>
	</ul>
</xsl:template>

<xsl:template match="continue">
	<section class="continue" aria-labelledby="continue-h">
		<h2 id="continue-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'catalog.continue'"/></xsl:call-template></h2>
		<p class="ctitle"><xsl:if test="@lang != $lang"><xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute></xsl:if><xsl:value-of select="title"/></p>
		<xsl:call-template name="progress"/>
		<p>
			<xsl:choose>
				<xsl:when test="target/@href = 'lesson'">
					<a class="button" href="/learn/m/{@id}/{target/@slug}">
						<xsl:choose>
							<xsl:when test="target/@number and string(target/title)">
								<xsl:call-template name="tr">
									<xsl:with-param name="k" select="'catalog.continue.next'"/>
									<xsl:with-param name="p1" select="target/@number"/>
									<xsl:with-param name="p2" select="target/title"/>
								</xsl:call-template>
							</xsl:when>
							<xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'catalog.continue.lesson'"/></xsl:call-template></xsl:otherwise>
						</xsl:choose>
					</a>
				</xsl:when>
				<xsl:otherwise>
					<a class="button" href="/learn/m/{@id}/quiz"><xsl:call-template name="t"><xsl:with-param name="k" select="'catalog.continue.quiz'"/></xsl:call-template></a>
				</xsl:otherwise>
			</xsl:choose>
		</p>
	</section>
</xsl:template>

<xsl:template match="module">
	<li class="card">
		<xsl:if test="@lang != $lang"><xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute></xsl:if>
		<xsl:choose>
			<xsl:when test="/page/continue"><h3><a href="/learn/m/{@id}"><xsl:value-of select="title"/></a></h3></xsl:when>
			<xsl:otherwise><h2><a href="/learn/m/{@id}"><xsl:value-of select="title"/></a></h2></xsl:otherwise>
		</xsl:choose>
		<p class="meta">
			<xsl:call-template name="status"/>
			<xsl:if test="@status"><xsl:text> </xsl:text></xsl:if>
			<xsl:call-template name="tr">
				<xsl:with-param name="k" select="'module.meta'"/>
				<xsl:with-param name="p1" select="@minutes"/>
				<xsl:with-param name="p2" select="@lessons"/>
			</xsl:call-template>
		</p>
		<p><xsl:value-of select="summary"/></p>
		<xsl:if test="@status and @status != 'not-started'">
			<xsl:call-template name="progress"/>
		</xsl:if>
		<xsl:if test="@certificate">
			<p><a href="/learn/certificate/{@certificate}"><xsl:call-template name="t"><xsl:with-param name="k" select="'module.certificate.link'"/></xsl:call-template></a></p>
		</xsl:if>
	</li>
</xsl:template>

</xsl:stylesheet>
