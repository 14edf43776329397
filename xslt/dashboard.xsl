<?xml version="1.0" encoding="UTF-8"?>
<!--
  The dashboard (/report/): the filters (year, country for those who may
  choose one, agency, module), the key figures, tables by module, sex and
  agency and the cross-table, completions per month as an SVG chart (with
  the same numbers as a table), the export links with the same filters,
  and, for those who may see personal data, the officers sorted and paged.

  Every number comes from <figures><summary> (cgi-bin/lib/records.c,
  summary_write); nothing is counted here.  Links carry the filters in
  the query string, encoded with EXSLT str:encode-uri (agency names have
  spaces, accents and sometimes "&").
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
	xmlns:rcm="urn:x-rcm:view"
	xmlns:str="http://exslt.org/strings" exclude-result-prefixes="str rcm">
<xsl:import href="_layout.xsl"/>

<xsl:variable name="svg" select="'http://www.w3.org/2000/svg'"/>
<xsl:variable name="d" select="/page/dashboard"/>
<xsl:variable name="f" select="$d/filters"/>
<xsl:variable name="s" select="$d/figures/summary"/>
<xsl:variable name="officers" select="$d/officers"/>

<!-- Rows of the summary grouped by agency (activity or enrolment). -->
<xsl:key name="agency" match="summary/byAgency | summary/enrolled" use="@agency"/>

<!-- The filters as a query string: year=2026&country=CR&agency=..&module=.. -->
<xsl:variable name="q">
	<xsl:text>year=</xsl:text><xsl:value-of select="$f/@year"/>
	<xsl:if test="string($f/@country) and $f/@country-fixed = 'no'">
		<xsl:text>&amp;country=</xsl:text><xsl:value-of select="str:encode-uri($f/@country, true())"/>
	</xsl:if>
	<xsl:if test="string($f/@agency)">
		<xsl:text>&amp;agency=</xsl:text><xsl:value-of select="str:encode-uri($f/@agency, true())"/>
	</xsl:if>
	<xsl:if test="string($f/@module)">
		<xsl:text>&amp;module=</xsl:text><xsl:value-of select="str:encode-uri($f/@module, true())"/>
	</xsl:if>
</xsl:variable>

<xsl:template match="/page" mode="title">
	<xsl:call-template name="t"><xsl:with-param name="k" select="'dash.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="/page" mode="main">
	<xsl:call-template name="notices"/>
	<h1><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.title'"/></xsl:call-template></h1>
	<p class="kicker">
		<xsl:call-template name="scope-name"/>
		<xsl:text> · </xsl:text>
		<xsl:value-of select="$f/@year"/>
		<xsl:if test="string($f/@agency)">
			<xsl:text> · </xsl:text><xsl:value-of select="$f/@agency"/>
		</xsl:if>
		<xsl:if test="string($f/@module)">
			<xsl:text> · </xsl:text><xsl:call-template name="module-title"><xsl:with-param name="id" select="$f/@module"/></xsl:call-template>
		</xsl:if>
	</p>
	<xsl:call-template name="filter-form"/>
	<xsl:call-template name="key-figures"/>
	<xsl:call-template name="by-month"/>
	<xsl:call-template name="by-module"/>
	<xsl:call-template name="by-country"/>
	<xsl:call-template name="by-sex"/>
	<xsl:call-template name="by-agency"/>
	<xsl:call-template name="cross-table"/>
	<xsl:call-template name="exports"/>
	<xsl:if test="$user/@role = 'secretariat' or $user/@role = 'admin'">
		<p><a href="/report/regional"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.regional'"/></xsl:call-template></a></p>
	</xsl:if>
	<xsl:apply-templates select="$officers"/>
</xsl:template>

<!-- "Costa Rica" or "All member countries". -->
<xsl:template name="scope-name">
	<xsl:choose>
		<xsl:when test="string($f/@country)">
			<xsl:call-template name="t"><xsl:with-param name="k" select="concat('country.', $f/@country)"/></xsl:call-template>
		</xsl:when>
		<xsl:otherwise>
			<xsl:call-template name="t"><xsl:with-param name="k" select="'dash.all-countries'"/></xsl:call-template>
		</xsl:otherwise>
	</xsl:choose>
</xsl:template>

<!-- A module's title in the page's language, its id when unknown. -->
<xsl:template name="module-title">
	<xsl:param name="id"/>
	<xsl:choose>
		<xsl:when test="$f/module[@id = $id]"><xsl:value-of select="$f/module[@id = $id]"/></xsl:when>
		<xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
	</xsl:choose>
</xsl:template>

<xsl:template name="sex-name">
	<xsl:param name="sex"/>
	<xsl:choose>
		<xsl:when test="$sex = 'unspecified'">
			<xsl:call-template name="t"><xsl:with-param name="k" select="'dash.sex.unspecified'"/></xsl:call-template>
		</xsl:when>
		<xsl:when test="rcm:t($lang, concat('sex.', $sex))">
			<xsl:call-template name="t"><xsl:with-param name="k" select="concat('sex.', $sex)"/></xsl:call-template>
		</xsl:when>
		<xsl:otherwise><xsl:value-of select="$sex"/></xsl:otherwise>
	</xsl:choose>
</xsl:template>

<!-- "83 %", or "–" when nobody took the quiz. -->
<xsl:template name="rate">
	<xsl:param name="passed" select="@passed"/>
	<xsl:param name="attempted" select="@attempted"/>
	<xsl:choose>
		<xsl:when test="number($attempted) &gt; 0">
			<xsl:value-of select="round(100 * $passed div $attempted)"/>
			<xsl:text>&#160;%</xsl:text>
		</xsl:when>
		<xsl:otherwise>–</xsl:otherwise>
	</xsl:choose>
</xsl:template>

<!-- The filters.  Empty values mean "all". -->
<xsl:template name="filter-form">
	<form method="get" action="/report/" class="filters stack" aria-labelledby="filters-h">
		<h2 id="filters-h" class="vh"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.filters'"/></xsl:call-template></h2>
		<div class="f">
			<label for="year"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.year'"/></xsl:call-template></label>
			<select id="year" name="year">
				<xsl:if test="$f/@year &gt; $f/@current-year">
					<option value="{$f/@year}" selected="selected"><xsl:value-of select="$f/@year"/></option>
				</xsl:if>
				<xsl:call-template name="year-options">
					<xsl:with-param name="y" select="number($f/@current-year)"/>
				</xsl:call-template>
				<xsl:if test="$f/@year &lt; 2024">
					<option value="{$f/@year}" selected="selected"><xsl:value-of select="$f/@year"/></option>
				</xsl:if>
			</select>
		</div>
		<xsl:if test="$f/@country-fixed = 'no'">
			<div class="f">
				<label for="country"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.country'"/></xsl:call-template></label>
				<select id="country" name="country">
					<option value=""><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.all-countries'"/></xsl:call-template></option>
					<xsl:for-each select="$f/country">
						<xsl:sort select="."/>
						<option value="{@code}">
							<xsl:if test="@code = $f/@country"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
							<xsl:value-of select="."/>
						</option>
					</xsl:for-each>
				</select>
			</div>
		</xsl:if>
		<div class="f">
			<label for="agency"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.agency'"/></xsl:call-template></label>
			<select id="agency" name="agency">
				<option value=""><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.all-agencies'"/></xsl:call-template></option>
				<xsl:for-each select="$f/agency">
					<option value="{.}">
						<xsl:if test=". = $f/@agency"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
						<xsl:value-of select="."/>
					</option>
				</xsl:for-each>
				<!-- An agency from a link that has no officers any more. -->
				<xsl:if test="string($f/@agency) and not($f/agency = $f/@agency)">
					<option value="{$f/@agency}" selected="selected"><xsl:value-of select="$f/@agency"/></option>
				</xsl:if>
			</select>
		</div>
		<div class="f">
			<label for="module"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.module'"/></xsl:call-template></label>
			<select id="module" name="module">
				<option value=""><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.all-modules'"/></xsl:call-template></option>
				<xsl:for-each select="$f/module">
					<option value="{@id}">
						<xsl:if test="@id = $f/@module"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
						<xsl:value-of select="."/>
					</option>
				</xsl:for-each>
				<xsl:if test="string($f/@module) and not($f/module/@id = $f/@module)">
					<option value="{$f/@module}" selected="selected"><xsl:value-of select="$f/@module"/></option>
				</xsl:if>
			</select>
		</div>
		<xsl:if test="$officers/@sort and $officers/@sort != 'name'">
			<input type="hidden" name="sort" value="{$officers/@sort}"/>
		</xsl:if>
		<div class="f">
			<button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.apply'"/></xsl:call-template></button>
		</div>
	</form>
</xsl:template>

<!-- Years from the current one down to 2024, the first year of records. -->
<xsl:template name="year-options">
	<xsl:param name="y"/>
	<xsl:if test="$y &gt;= 2024">
		<option value="{$y}">
			<xsl:if test="$y = $f/@year"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
			<xsl:value-of select="$y"/>
		</option>
		<xsl:call-template name="year-options">
			<xsl:with-param name="y" select="$y - 1"/>
		</xsl:call-template>
	</xsl:if>
</xsl:template>

<xsl:template name="key-figures">
	<xsl:variable name="t" select="$s/total"/>
	<section aria-labelledby="figures-h">
		<h2 id="figures-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.figures'"/></xsl:call-template></h2>
		<ul class="figures">
			<xsl:call-template name="figure"><xsl:with-param name="n" select="$t/@enrolled"/><xsl:with-param name="k" select="'dash.enrolled'"/></xsl:call-template>
			<xsl:call-template name="figure"><xsl:with-param name="n" select="$t/@started"/><xsl:with-param name="k" select="'dash.started'"/></xsl:call-template>
			<xsl:call-template name="figure"><xsl:with-param name="n" select="$t/@completed"/><xsl:with-param name="k" select="'dash.completed'"/></xsl:call-template>
			<xsl:call-template name="figure"><xsl:with-param name="n" select="$t/@attempted"/><xsl:with-param name="k" select="'dash.attempted'"/></xsl:call-template>
			<xsl:call-template name="figure"><xsl:with-param name="n" select="$t/@passed"/><xsl:with-param name="k" select="'dash.passed'"/></xsl:call-template>
			<xsl:call-template name="figure">
				<xsl:with-param name="n">
					<xsl:call-template name="rate">
						<xsl:with-param name="passed" select="$t/@passed"/>
						<xsl:with-param name="attempted" select="$t/@attempted"/>
					</xsl:call-template>
				</xsl:with-param>
				<xsl:with-param name="k" select="'dash.pass-rate'"/>
			</xsl:call-template>
		</ul>
		<p class="small"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.definitions'"/></xsl:call-template></p>
	</section>
</xsl:template>

<xsl:template name="figure">
	<xsl:param name="n"/>
	<xsl:param name="k"/>
	<li>
		<span class="n">
			<xsl:choose>
				<xsl:when test="string($n)"><xsl:value-of select="$n"/></xsl:when>
				<xsl:otherwise>0</xsl:otherwise>
			</xsl:choose>
		</span>
		<xsl:text> </xsl:text>
		<span class="l"><xsl:call-template name="t"><xsl:with-param name="k" select="$k"/></xsl:call-template></span>
	</li>
</xsl:template>

<!--
  Completions per month: twelve bars on a 360 × 180 canvas, scaled to the
  largest month, each with its value above and its month below.  The
  chart's label says every number, and the table below says them again.
-->
<xsl:template name="by-month">
	<xsl:variable name="max">
		<xsl:for-each select="$s/byMonth">
			<xsl:sort select="@completed" data-type="number" order="descending"/>
			<xsl:if test="position() = 1"><xsl:value-of select="number(@completed)"/></xsl:if>
		</xsl:for-each>
	</xsl:variable>
	<xsl:variable name="label">
		<xsl:call-template name="tr">
			<xsl:with-param name="k" select="'dash.month.chart'"/>
			<xsl:with-param name="p1" select="$f/@year"/>
		</xsl:call-template>
		<xsl:for-each select="$s/byMonth">
			<xsl:if test="position() &gt; 1">,</xsl:if>
			<xsl:text> </xsl:text>
			<xsl:call-template name="t"><xsl:with-param name="k" select="concat('month.', @month)"/></xsl:call-template>
			<xsl:text> </xsl:text>
			<xsl:value-of select="@completed"/>
		</xsl:for-each>
		<xsl:text>.</xsl:text>
	</xsl:variable>
	<section aria-labelledby="month-h">
		<h2 id="month-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.by-month'"/></xsl:call-template></h2>
		<xsl:choose>
			<xsl:when test="number($max) &gt; 0">
				<div class="chartbox">
				<xsl:element name="svg" namespace="{$svg}">
					<xsl:attribute name="class">chart</xsl:attribute>
					<xsl:attribute name="viewBox">0 0 360 180</xsl:attribute>
					<xsl:attribute name="width">360</xsl:attribute>
					<xsl:attribute name="height">180</xsl:attribute>
					<xsl:attribute name="role">img</xsl:attribute>
					<xsl:attribute name="aria-label"><xsl:value-of select="normalize-space($label)"/></xsl:attribute>
					<xsl:element name="title" namespace="{$svg}"><xsl:value-of select="normalize-space($label)"/></xsl:element>
					<xsl:element name="line" namespace="{$svg}">
						<xsl:attribute name="class">axis</xsl:attribute>
						<xsl:attribute name="x1">0</xsl:attribute>
						<xsl:attribute name="x2">360</xsl:attribute>
						<xsl:attribute name="y1">150.5</xsl:attribute>
						<xsl:attribute name="y2">150.5</xsl:attribute>
						<xsl:attribute name="stroke">#6b6b6b</xsl:attribute>
					</xsl:element>
					<xsl:for-each select="$s/byMonth">
						<xsl:variable name="x" select="(@month - 1) * 30"/>
						<xsl:variable name="h" select="round(125 * @completed div $max)"/>
						<xsl:if test="@completed &gt; 0">
							<xsl:element name="rect" namespace="{$svg}">
								<xsl:attribute name="class">bar</xsl:attribute>
								<xsl:attribute name="x"><xsl:value-of select="$x + 5"/></xsl:attribute>
								<xsl:attribute name="y"><xsl:value-of select="150 - $h"/></xsl:attribute>
								<xsl:attribute name="width">20</xsl:attribute>
								<xsl:attribute name="height"><xsl:value-of select="$h"/></xsl:attribute>
								<xsl:attribute name="fill">#0a5494</xsl:attribute>
							</xsl:element>
						</xsl:if>
						<!-- Text outside <text> is not drawn; text browsers show it. -->
						<xsl:if test="position() &gt; 1"><xsl:text> · </xsl:text></xsl:if>
						<xsl:element name="text" namespace="{$svg}">
							<xsl:attribute name="x"><xsl:value-of select="$x + 15"/></xsl:attribute>
							<xsl:attribute name="y">167</xsl:attribute>
							<xsl:attribute name="text-anchor">middle</xsl:attribute>
							<xsl:attribute name="font-size">11</xsl:attribute>
							<xsl:call-template name="t"><xsl:with-param name="k" select="concat('month.short.', @month)"/></xsl:call-template>
						</xsl:element>
						<xsl:text>: </xsl:text>
						<xsl:element name="text" namespace="{$svg}">
							<xsl:attribute name="font-weight">700</xsl:attribute>
							<xsl:attribute name="x"><xsl:value-of select="$x + 15"/></xsl:attribute>
							<xsl:attribute name="y"><xsl:value-of select="145 - $h"/></xsl:attribute>
							<xsl:attribute name="text-anchor">middle</xsl:attribute>
							<xsl:attribute name="font-size">11</xsl:attribute>
							<xsl:value-of select="@completed"/>
						</xsl:element>
					</xsl:for-each>
				</xsl:element>
				</div>
				<div>
				<details>
					<summary><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.as-table'"/></xsl:call-template></summary>
					<div class="table">
						<table class="compact">
							<caption><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.by-month'"/></xsl:call-template></caption>
							<thead>
								<tr>
									<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.col.month'"/></xsl:call-template></th>
									<th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.completed'"/></xsl:call-template></th>
								</tr>
							</thead>
							<tbody>
								<xsl:for-each select="$s/byMonth">
									<tr>
										<th scope="row"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('month.', @month)"/></xsl:call-template></th>
										<td class="num"><xsl:value-of select="@completed"/></td>
									</tr>
								</xsl:for-each>
							</tbody>
						</table>
					</div>
				</details>
				</div>
			</xsl:when>
			<xsl:otherwise>
				<p><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.no-completions'"/></xsl:call-template></p>
			</xsl:otherwise>
		</xsl:choose>
	</section>
</xsl:template>

<!-- The column heads shared by the figure tables. -->
<xsl:template name="fig-head">
	<xsl:param name="first"/>
	<xsl:param name="enrolled"/>
	<thead>
		<tr>
			<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="$first"/></xsl:call-template></th>
			<xsl:if test="$enrolled">
				<th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.col.enrolled'"/></xsl:call-template></th>
			</xsl:if>
			<th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.started'"/></xsl:call-template></th>
			<th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.completed'"/></xsl:call-template></th>
			<th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.attempted'"/></xsl:call-template></th>
			<th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.passed'"/></xsl:call-template></th>
			<th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.pass-rate'"/></xsl:call-template></th>
		</tr>
	</thead>
</xsl:template>

<!-- The figure cells of one row (node r: byModule, bySex, byAgency, cell). -->
<xsl:template name="fig-cells">
	<xsl:param name="r"/>
	<td class="num" data-l="{rcm:t($lang, 'dash.started')}"><xsl:value-of select="number(concat('0', $r/@started))"/></td>
	<td class="num" data-l="{rcm:t($lang, 'dash.completed')}"><xsl:value-of select="number(concat('0', $r/@completed))"/></td>
	<td class="num" data-l="{rcm:t($lang, 'dash.attempted')}"><xsl:value-of select="number(concat('0', $r/@attempted))"/></td>
	<td class="num" data-l="{rcm:t($lang, 'dash.passed')}"><xsl:value-of select="number(concat('0', $r/@passed))"/></td>
	<td class="num" data-l="{rcm:t($lang, 'dash.pass-rate')}">
		<xsl:call-template name="rate">
			<xsl:with-param name="passed" select="$r/@passed"/>
			<xsl:with-param name="attempted" select="$r/@attempted"/>
		</xsl:call-template>
	</td>
</xsl:template>

<!-- Every country, when the dashboard covers more than one. -->
<xsl:template name="by-country">
	<xsl:if test="not(string($f/@country)) and count($s/byCountry) &gt; 0">
		<section aria-labelledby="country-h">
			<h2 id="country-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.by-country'"/></xsl:call-template></h2>
			<div class="table">
				<table class="st">
					<caption class="vh"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.by-country'"/></xsl:call-template></caption>
					<xsl:call-template name="fig-head"><xsl:with-param name="first" select="'dash.country'"/></xsl:call-template>
					<tbody>
						<xsl:for-each select="$s/byCountry">
							<tr>
								<th scope="row"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('country.', @country)"/></xsl:call-template></th>
								<xsl:call-template name="fig-cells"><xsl:with-param name="r" select="."/></xsl:call-template>
							</tr>
						</xsl:for-each>
					</tbody>
				</table>
			</div>
		</section>
	</xsl:if>
</xsl:template>

<!-- Every module of the catalog (or the one filtered), then any other. -->
<xsl:template name="by-module">
	<section aria-labelledby="module-h">
		<h2 id="module-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.by-module'"/></xsl:call-template></h2>
		<div class="table">
			<table class="st">
				<caption class="vh"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.by-module'"/></xsl:call-template></caption>
				<xsl:call-template name="fig-head"><xsl:with-param name="first" select="'dash.col.module'"/></xsl:call-template>
				<tbody>
					<xsl:for-each select="$f/module[not(string($f/@module)) or @id = $f/@module]">
						<xsl:variable name="id" select="@id"/>
						<tr>
							<th scope="row"><xsl:value-of select="."/></th>
							<xsl:call-template name="fig-cells"><xsl:with-param name="r" select="$s/byModule[@module = $id]"/></xsl:call-template>
						</tr>
					</xsl:for-each>
					<xsl:for-each select="$s/byModule[not(@module = $f/module/@id)]">
						<tr>
							<th scope="row"><xsl:value-of select="@module"/></th>
							<xsl:call-template name="fig-cells"><xsl:with-param name="r" select="."/></xsl:call-template>
						</tr>
					</xsl:for-each>
				</tbody>
			</table>
		</div>
	</section>
</xsl:template>

<!-- The four values of sex, always in the same order, then any other. -->
<xsl:template name="by-sex">
	<section aria-labelledby="sex-h">
		<h2 id="sex-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.by-sex'"/></xsl:call-template></h2>
		<div class="table">
			<table class="st">
				<caption class="vh"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.by-sex'"/></xsl:call-template></caption>
				<xsl:call-template name="fig-head">
					<xsl:with-param name="first" select="'dash.col.sex'"/>
					<xsl:with-param name="enrolled" select="1"/>
				</xsl:call-template>
				<tbody>
					<xsl:call-template name="sex-row"><xsl:with-param name="sex" select="'female'"/></xsl:call-template>
					<xsl:call-template name="sex-row"><xsl:with-param name="sex" select="'male'"/></xsl:call-template>
					<xsl:call-template name="sex-row"><xsl:with-param name="sex" select="'other'"/></xsl:call-template>
					<xsl:call-template name="sex-row"><xsl:with-param name="sex" select="'unspecified'"/></xsl:call-template>
					<xsl:for-each select="$s/bySex[@sex != 'female' and @sex != 'male' and @sex != 'other' and @sex != 'unspecified']">
						<xsl:call-template name="sex-row"><xsl:with-param name="sex" select="string(@sex)"/></xsl:call-template>
					</xsl:for-each>
				</tbody>
			</table>
		</div>
	</section>
</xsl:template>

<xsl:template name="sex-row">
	<xsl:param name="sex"/>
	<tr>
		<th scope="row"><xsl:call-template name="sex-name"><xsl:with-param name="sex" select="$sex"/></xsl:call-template></th>
		<td class="num" data-l="{rcm:t($lang, 'dash.col.enrolled')}"><xsl:value-of select="sum($s/enrolled[@sex = $sex]/@officers)"/></td>
		<xsl:call-template name="fig-cells"><xsl:with-param name="r" select="$s/bySex[@sex = $sex]"/></xsl:call-template>
	</tr>
</xsl:template>

<!-- Every agency with officers enrolled or activity, by name. -->
<xsl:template name="by-agency">
	<xsl:variable name="agencies" select="($s/byAgency | $s/enrolled)[generate-id() = generate-id(key('agency', @agency)[1])]"/>
	<section aria-labelledby="agency-h">
		<h2 id="agency-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.by-agency'"/></xsl:call-template></h2>
		<xsl:choose>
			<xsl:when test="$agencies">
				<div class="table">
					<table class="st">
						<caption class="vh"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.by-agency'"/></xsl:call-template></caption>
						<xsl:call-template name="fig-head">
							<xsl:with-param name="first" select="'dash.col.agency'"/>
							<xsl:with-param name="enrolled" select="1"/>
						</xsl:call-template>
						<tbody>
							<xsl:for-each select="$agencies">
								<xsl:sort select="@agency"/>
								<xsl:variable name="a" select="string(@agency)"/>
								<tr>
									<th scope="row">
										<xsl:choose>
											<xsl:when test="string($a)"><xsl:value-of select="$a"/></xsl:when>
											<xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.no-agency'"/></xsl:call-template></xsl:otherwise>
										</xsl:choose>
									</th>
									<td class="num" data-l="{rcm:t($lang, 'dash.col.enrolled')}"><xsl:value-of select="sum($s/enrolled[@agency = $a]/@officers)"/></td>
									<xsl:call-template name="fig-cells"><xsl:with-param name="r" select="$s/byAgency[@agency = $a]"/></xsl:call-template>
								</tr>
							</xsl:for-each>
						</tbody>
					</table>
				</div>
			</xsl:when>
			<xsl:otherwise>
				<p><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.no-activity'"/></xsl:call-template></p>
			</xsl:otherwise>
		</xsl:choose>
	</section>
</xsl:template>

<!-- Module × sex × agency: every combination with activity. -->
<xsl:template name="cross-table">
	<section aria-labelledby="cross-h">
		<h2 id="cross-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.cross'"/></xsl:call-template></h2>
		<xsl:choose>
			<xsl:when test="$s/cell">
				<details>
					<summary>
						<xsl:call-template name="tr">
							<xsl:with-param name="k" select="'dash.cross.show'"/>
							<xsl:with-param name="p1" select="count($s/cell)"/>
						</xsl:call-template>
					</summary>
					<div class="table">
						<table class="st">
							<caption class="vh"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.cross'"/></xsl:call-template></caption>
							<thead>
								<tr>
									<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.col.module'"/></xsl:call-template></th>
									<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.col.sex'"/></xsl:call-template></th>
									<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.col.agency'"/></xsl:call-template></th>
									<th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.started'"/></xsl:call-template></th>
									<th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.completed'"/></xsl:call-template></th>
									<th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.attempted'"/></xsl:call-template></th>
									<th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.passed'"/></xsl:call-template></th>
									<th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.pass-rate'"/></xsl:call-template></th>
								</tr>
							</thead>
							<tbody>
								<xsl:for-each select="$s/cell">
									<tr>
										<th scope="row"><xsl:call-template name="module-title"><xsl:with-param name="id" select="string(@module)"/></xsl:call-template></th>
										<td class="t" data-l="{rcm:t($lang, 'dash.col.sex')}"><xsl:call-template name="sex-name"><xsl:with-param name="sex" select="string(@sex)"/></xsl:call-template></td>
										<td class="t" data-l="{rcm:t($lang, 'dash.col.agency')}"><xsl:value-of select="@agency"/></td>
										<xsl:call-template name="fig-cells"><xsl:with-param name="r" select="."/></xsl:call-template>
									</tr>
								</xsl:for-each>
							</tbody>
						</table>
					</div>
				</details>
			</xsl:when>
			<xsl:otherwise>
				<p><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.no-activity'"/></xsl:call-template></p>
			</xsl:otherwise>
		</xsl:choose>
	</section>
</xsl:template>

<xsl:template name="exports">
	<section aria-labelledby="exports-h">
		<h2 id="exports-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.exports'"/></xsl:call-template></h2>
		<p><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.exports.intro'"/></xsl:call-template></p>
		<ul class="plain">
			<li>
				<a href="/report/completions.xml?{$q}"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.export.xml'"/></xsl:call-template></a>
				<br/><span class="small"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.export.xml.help'"/></xsl:call-template></span>
			</li>
			<li>
				<a href="/report/completions?{$q}"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.export.html'"/></xsl:call-template></a>
				<br/><span class="small"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.export.html.help'"/></xsl:call-template></span>
			</li>
			<li>
				<a href="/report/completions.csv?{$q}"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.export.csv'"/></xsl:call-template></a>
				<br/><span class="small"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.export.csv.help'"/></xsl:call-template></span>
			</li>
		</ul>
		<xsl:if test="$f/@personal = 'no'">
			<p class="small"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.exports.anonymous'"/></xsl:call-template></p>
		</xsl:if>
	</section>
</xsl:template>

<!-- The officers, one page, with sort links in the column heads. -->
<xsl:template match="officers">
	<section aria-labelledby="officers-h">
		<h2 id="officers-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.officers'"/></xsl:call-template></h2>
		<xsl:choose>
			<xsl:when test="officer">
				<p class="small">
					<xsl:call-template name="tr">
						<xsl:with-param name="k" select="concat('dash.officers.count', substring('.one', 1, 4 * (@total = 1)))"/>
						<xsl:with-param name="p1" select="@total"/>
						<xsl:with-param name="p2" select="@page"/>
						<xsl:with-param name="p3" select="@pages"/>
					</xsl:call-template>
					<xsl:text> </xsl:text>
				</p>
				<p class="small">
					<xsl:call-template name="t"><xsl:with-param name="k" select="'dash.sort-by'"/></xsl:call-template>
					<xsl:text> </xsl:text>
					<xsl:call-template name="sort-link"><xsl:with-param name="key" select="'name'"/></xsl:call-template>
					<xsl:text> · </xsl:text>
					<xsl:call-template name="sort-link"><xsl:with-param name="key" select="'agency'"/></xsl:call-template>
					<xsl:text> · </xsl:text>
					<xsl:call-template name="sort-link"><xsl:with-param name="key" select="'completed'"/></xsl:call-template>
					<xsl:text> · </xsl:text>
					<xsl:call-template name="sort-link"><xsl:with-param name="key" select="'activity'"/></xsl:call-template>
				</p>
				<div class="table">
					<table class="st">
						<caption class="vh"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.officers'"/></xsl:call-template></caption>
						<thead>
							<tr>
								<xsl:call-template name="sort-head"><xsl:with-param name="key" select="'name'"/></xsl:call-template>
								<xsl:call-template name="sort-head"><xsl:with-param name="key" select="'agency'"/></xsl:call-template>
								<th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.col.started'"/></xsl:call-template></th>
								<xsl:call-template name="sort-head"><xsl:with-param name="key" select="'completed'"/></xsl:call-template>
								<xsl:call-template name="sort-head"><xsl:with-param name="key" select="'activity'"/></xsl:call-template>
							</tr>
						</thead>
						<tbody>
							<xsl:for-each select="officer">
								<tr>
									<th scope="row">
										<xsl:value-of select="name"/>
										<br/>
										<span class="small"><xsl:value-of select="email"/></span>
									</th>
									<td class="t" data-l="{rcm:t($lang, 'dash.col.agency')}"><xsl:value-of select="agency"/></td>
									<td class="num" data-l="{rcm:t($lang, 'dash.col.started')}"><xsl:value-of select="@started"/></td>
									<td class="num" data-l="{rcm:t($lang, 'dash.col.completed')}"><xsl:value-of select="@completed"/></td>
									<td data-l="{rcm:t($lang, 'dash.col.activity')}">
										<xsl:choose>
											<xsl:when test="string(@activity)">
												<xsl:call-template name="date"><xsl:with-param name="d" select="@activity"/></xsl:call-template>
											</xsl:when>
											<xsl:otherwise>—</xsl:otherwise>
										</xsl:choose>
									</td>
								</tr>
							</xsl:for-each>
						</tbody>
					</table>
				</div>
				<xsl:if test="@pages &gt; 1">
					<nav class="pager" aria-label="{rcm:t($lang, 'dash.pages')}">
						<xsl:variable name="base" select="concat('/report/?', $q, '&amp;sort=', @sort, '&amp;page=')"/>
						<xsl:if test="@page &gt; 1">
							<a rel="prev" href="{$base}{@page - 1}"><xsl:call-template name="t"><xsl:with-param name="k" select="'pager.prev'"/></xsl:call-template></a>
						</xsl:if>
						<span>
							<xsl:call-template name="tr">
								<xsl:with-param name="k" select="'pager.page'"/>
								<xsl:with-param name="p1" select="@page"/>
								<xsl:with-param name="p2" select="@pages"/>
							</xsl:call-template>
						</span>
						<xsl:if test="@page &lt; @pages">
							<a rel="next" href="{$base}{@page + 1}"><xsl:call-template name="t"><xsl:with-param name="k" select="'pager.next'"/></xsl:call-template></a>
						</xsl:if>
					</nav>
				</xsl:if>
			</xsl:when>
			<xsl:otherwise>
				<p><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.officers.none'"/></xsl:call-template></p>
			</xsl:otherwise>
		</xsl:choose>
	</section>
</xsl:template>

<!-- One sort choice in the line above the table: a link, or the current one. -->
<xsl:template name="sort-link">
	<xsl:param name="key"/>
	<xsl:variable name="label">
		<xsl:call-template name="t"><xsl:with-param name="k" select="concat('dash.col.', $key)"/></xsl:call-template>
	</xsl:variable>
	<xsl:choose>
		<xsl:when test="$officers/@sort = $key"><strong aria-current="true"><xsl:value-of select="$label"/></strong></xsl:when>
		<xsl:otherwise><a href="/report/?{$q}&amp;sort={$key}"><xsl:value-of select="$label"/></a></xsl:otherwise>
	</xsl:choose>
</xsl:template>

<!--
  A sortable column head: a link to sort by it (back to page 1), or, for
  the current sort, the word and its direction (aria-sort says it too).
  Names and agencies sort A to Z, completions and activity highest first.
-->
<xsl:template name="sort-head">
	<xsl:param name="key"/>
	<xsl:variable name="desc" select="$key = 'completed' or $key = 'activity'"/>
	<th scope="col">
		<xsl:if test="$key = 'completed'"><xsl:attribute name="class">num</xsl:attribute></xsl:if>
		<xsl:choose>
			<xsl:when test="$officers/@sort = $key">
				<xsl:attribute name="aria-sort">
					<xsl:choose>
						<xsl:when test="$desc">descending</xsl:when>
						<xsl:otherwise>ascending</xsl:otherwise>
					</xsl:choose>
				</xsl:attribute>
				<xsl:call-template name="t"><xsl:with-param name="k" select="concat('dash.col.', $key)"/></xsl:call-template>
				<xsl:text> </xsl:text>
				<span class="sorted">
					<xsl:choose>
						<xsl:when test="$desc"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.sorted.desc'"/></xsl:call-template></xsl:when>
						<xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.sorted.asc'"/></xsl:call-template></xsl:otherwise>
					</xsl:choose>
				</span>
			</xsl:when>
			<xsl:otherwise>
				<a href="/report/?{$q}&amp;sort={$key}">
					<xsl:call-template name="t"><xsl:with-param name="k" select="concat('dash.col.', $key)"/></xsl:call-template>
				</a>
			</xsl:otherwise>
		</xsl:choose>
	</th>
</xsl:template>

</xsl:stylesheet>
