<?xml version="1.0" encoding="UTF-8"?>
<!--
  The officer's progress (/learn/progress): every module with its status,
  the certificates earned, every quiz attempt.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="_layout.xsl"/>

<xsl:template match="/page" mode="title">
	<xsl:call-template name="t"><xsl:with-param name="k" select="'progress.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="/page" mode="main">
	<xsl:call-template name="notices"/>
	<h1><xsl:call-template name="t"><xsl:with-param name="k" select="'progress.title'"/></xsl:call-template></h1>
	<p>
		<xsl:call-template name="tr">
			<xsl:with-param name="k" select="'progress.summary'"/>
			<xsl:with-param name="p1" select="count(modules/module[@status = 'passed'])"/>
			<xsl:with-param name="p2" select="count(modules/module)"/>
		</xsl:call-template>
	</p>

	<h2><xsl:call-template name="t"><xsl:with-param name="k" select="'progress.modules'"/></xsl:call-template></h2>
	<ul class="cards">
		<xsl:for-each select="modules/module">
			<li class="card">
				<xsl:if test="@lang != $lang"><xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute></xsl:if>
				<h3><a href="/learn/m/{@id}"><xsl:value-of select="title"/></a></h3>
				<p class="meta"><xsl:call-template name="status"/></p>
				<xsl:call-template name="progress"/>
				<xsl:if test="@certificate">
					<p><a href="/learn/certificate/{@certificate}"><xsl:call-template name="t"><xsl:with-param name="k" select="'module.certificate.link'"/></xsl:call-template></a></p>
				</xsl:if>
			</li>
		</xsl:for-each>
	</ul>

	<h2><xsl:call-template name="t"><xsl:with-param name="k" select="'progress.certificates'"/></xsl:call-template></h2>
	<xsl:choose>
		<xsl:when test="certificates/certificate">
			<ul class="plain">
				<xsl:for-each select="certificates/certificate">
					<li>
						<a href="/learn/certificate/{@code}">
							<xsl:choose>
								<xsl:when test="title"><xsl:value-of select="title"/></xsl:when>
								<xsl:otherwise><xsl:value-of select="@module"/></xsl:otherwise>
							</xsl:choose>
						</a>
						<br/>
						<span class="small">
							<xsl:call-template name="date"><xsl:with-param name="d" select="@date"/></xsl:call-template>
							<xsl:text> · </xsl:text>
							<xsl:value-of select="@score"/>
							<xsl:text> % · </xsl:text>
							<xsl:call-template name="tr">
								<xsl:with-param name="k" select="'module.version'"/>
								<xsl:with-param name="p1" select="@version"/>
							</xsl:call-template>
						</span>
						<xsl:if test="@status = 'revoked'">
							<xsl:text> </xsl:text>
							<span class="badge revoked"><xsl:call-template name="t"><xsl:with-param name="k" select="'verify.revoked'"/></xsl:call-template></span>
						</xsl:if>
					</li>
				</xsl:for-each>
			</ul>
		</xsl:when>
		<xsl:otherwise>
			<p><xsl:call-template name="t"><xsl:with-param name="k" select="'progress.no-certificates'"/></xsl:call-template></p>
		</xsl:otherwise>
	</xsl:choose>

	<h2><xsl:call-template name="t"><xsl:with-param name="k" select="'progress.attempts'"/></xsl:call-template></h2>
	<xsl:choose>
		<xsl:when test="attempts/attempt">
			<div class="table">
				<table>
					<thead>
						<tr>
							<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'progress.col.date'"/></xsl:call-template></th>
							<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'progress.col.module'"/></xsl:call-template></th>
							<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'progress.col.score'"/></xsl:call-template></th>
						</tr>
					</thead>
					<tbody>
						<xsl:for-each select="attempts/attempt">
							<tr>
								<td><a href="/learn/attempt/{@id}"><xsl:call-template name="date"><xsl:with-param name="d" select="@date"/></xsl:call-template></a></td>
								<td>
									<xsl:choose>
										<xsl:when test="title"><xsl:value-of select="title"/></xsl:when>
										<xsl:otherwise><xsl:value-of select="@module"/></xsl:otherwise>
									</xsl:choose>
								</td>
								<td>
									<xsl:call-template name="percent">
										<xsl:with-param name="n" select="@score"/>
										<xsl:with-param name="max" select="@max"/>
									</xsl:call-template>
									<xsl:text> % </xsl:text>
									<xsl:choose>
										<xsl:when test="@passed = 'yes'"><span class="badge passed"><xsl:call-template name="t"><xsl:with-param name="k" select="'attempt.passed.short'"/></xsl:call-template></span></xsl:when>
										<xsl:otherwise><span class="badge failed"><xsl:call-template name="t"><xsl:with-param name="k" select="'attempt.failed.short'"/></xsl:call-template></span></xsl:otherwise>
									</xsl:choose>
								</td>
							</tr>
						</xsl:for-each>
					</tbody>
				</table>
			</div>
		</xsl:when>
		<xsl:otherwise>
			<p><xsl:call-template name="t"><xsl:with-param name="k" select="'progress.no-attempts'"/></xsl:call-template></p>
		</xsl:otherwise>
	</xsl:choose>
</xsl:template>

</xsl:stylesheet>
