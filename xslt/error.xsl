<?xml version="1.0" encoding="UTF-8"?>
<!-- Error pages: the status, what went wrong in words, where to go next. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="_layout.xsl"/>

<xsl:template match="/page" mode="title">
	<xsl:value-of select="error/@status"/>
	<xsl:text> </xsl:text>
	<xsl:call-template name="t"><xsl:with-param name="k" select="concat('error.', error/@key)"/></xsl:call-template>
</xsl:template>

<xsl:template match="/page" mode="main">
	<section class="error">
		<h1>
			<xsl:call-template name="t"><xsl:with-param name="k" select="concat('error.', error/@key)"/></xsl:call-template>
		</h1>
		<p>
			<xsl:call-template name="t"><xsl:with-param name="k" select="concat('error.', error/@key, '.help')"/></xsl:call-template>
		</p>
		<xsl:if test="error/detail">
			<p class="detail"><xsl:value-of select="error/detail"/></p>
		</xsl:if>
		<p class="status">HTTP <xsl:value-of select="error/@status"/> — <xsl:value-of select="error/title"/></p>
		<p><a href="/learn/"><xsl:call-template name="t"><xsl:with-param name="k" select="'error.home'"/></xsl:call-template></a></p>
	</section>
</xsl:template>
</xsl:stylesheet>
