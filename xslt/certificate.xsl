<?xml version="1.0" encoding="UTF-8"?>
<!--
  A certificate (/learn/certificate/CODE), made to be printed on one page:
  the officer's name, the module, date, version, score, code, the
  verification address as text and as a QR code drawn in inline SVG from
  <qr size="N" d="PATH"/>.  The print style hides everything else.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="_layout.xsl"/>

<xsl:variable name="svg" select="'http://www.w3.org/2000/svg'"/>

<xsl:template match="/page" mode="title">
	<xsl:call-template name="t"><xsl:with-param name="k" select="'cert.title'"/></xsl:call-template>
	<xsl:text> · </xsl:text>
	<xsl:value-of select="certificate/module"/>
</xsl:template>

<xsl:template match="/page" mode="main">
	<xsl:call-template name="notices"/>
	<xsl:apply-templates select="certificate"/>
</xsl:template>

<xsl:template match="certificate">
	<xsl:if test="@status = 'revoked'">
		<p class="notice error" role="alert"><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.revoked'"/></xsl:call-template></p>
	</xsl:if>
	<p class="noprint hint"><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.print'"/></xsl:call-template></p>
	<article class="certificate {@status}">
		<p class="issuer"><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.issuer'"/></xsl:call-template></p>
		<h1><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.title'"/></xsl:call-template></h1>
		<p><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.certifies'"/></xsl:call-template></p>
		<p class="name"><xsl:value-of select="name"/></p>
		<p><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.completed'"/></xsl:call-template></p>
		<p class="module"><xsl:value-of select="module"/></p>
		<dl class="facts">
			<dt><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.date'"/></xsl:call-template></dt>
			<dd><xsl:call-template name="date"><xsl:with-param name="d" select="@date"/></xsl:call-template></dd>
			<dt><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.score'"/></xsl:call-template></dt>
			<dd><xsl:value-of select="@score"/> %</dd>
			<xsl:if test="@minutes">
				<dt><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.duration'"/></xsl:call-template></dt>
				<dd><xsl:call-template name="tr"><xsl:with-param name="k" select="'cert.minutes'"/><xsl:with-param name="p1" select="@minutes"/></xsl:call-template></dd>
			</xsl:if>
			<dt><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.version'"/></xsl:call-template></dt>
			<dd><xsl:value-of select="@version"/></dd>
			<dt><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.code'"/></xsl:call-template></dt>
			<dd><code><xsl:value-of select="@code"/></code></dd>
			<dt><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.status'"/></xsl:call-template></dt>
			<dd><strong><xsl:call-template name="t"><xsl:with-param name="k" select="concat('verify.', @status)"/></xsl:call-template></strong></dd>
		</dl>
		<div class="check">
			<xsl:apply-templates select="qr"/>
			<p>
				<xsl:call-template name="t"><xsl:with-param name="k" select="'cert.verify-at'"/></xsl:call-template>
				<br/>
				<span class="url"><xsl:value-of select="url"/></span>
			</p>
		</div>
	</article>
	<p class="noprint"><a href="/learn/progress"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.progress'"/></xsl:call-template></a></p>
</xsl:template>

<!-- The QR code: one path on a white square, four modules of margin. -->
<xsl:template match="qr">
	<xsl:element name="svg" namespace="{$svg}">
		<xsl:attribute name="viewBox"><xsl:value-of select="concat('0 0 ', @size, ' ', @size)"/></xsl:attribute>
		<xsl:attribute name="width">160</xsl:attribute>
		<xsl:attribute name="height">160</xsl:attribute>
		<xsl:attribute name="role">img</xsl:attribute>
		<xsl:attribute name="aria-label">
			<xsl:call-template name="t"><xsl:with-param name="k" select="'cert.qr'"/></xsl:call-template>
		</xsl:attribute>
		<xsl:element name="rect" namespace="{$svg}">
			<xsl:attribute name="width"><xsl:value-of select="@size"/></xsl:attribute>
			<xsl:attribute name="height"><xsl:value-of select="@size"/></xsl:attribute>
			<xsl:attribute name="fill">#fff</xsl:attribute>
		</xsl:element>
		<xsl:element name="path" namespace="{$svg}">
			<xsl:attribute name="d"><xsl:value-of select="@d"/></xsl:attribute>
			<xsl:attribute name="fill">#000</xsl:attribute>
			<xsl:attribute name="shape-rendering">crispEdges</xsl:attribute>
		</xsl:element>
	</xsl:element>
</xsl:template>

</xsl:stylesheet>
